export { type NatsConnectOptions, type NatsConnection, connectNats } from './connection.js';
export {
  serviceStreamConfig,
  deadLetterStreamConfig,
  ensureStream,
  ensureServiceStream,
  ensureDeadLetterStream,
} from './streams.js';
export {
  injectTraceContext,
  extractTraceContext,
  currentTraceparent,
  contextFromTraceparent,
} from './trace-context.js';
