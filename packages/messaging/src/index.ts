export { type NatsConnectOptions, type NatsConnection, connectNats } from './connection.js';
export {
  serviceStreamConfig,
  deadLetterStreamConfig,
  ensureStream,
  ensureServiceStream,
  ensureDeadLetterStream,
  isStreamNotFound,
  isConsumerNotFound,
} from './streams.js';
export {
  injectTraceContext,
  extractTraceContext,
  currentTraceparent,
  contextFromTraceparent,
} from './trace-context.js';
export {
  type Delivery,
  type ConsumerOptions,
  type RunningConsumer,
  startConsumer,
  retrySubject,
} from './consumer.js';
export { rpcServerOptions, RpcErrorFilter, RpcTracingInterceptor } from './rpc/server.js';
export { type RpcClient, createRpcClient, checkServices } from './rpc/client.js';
export { ReplyInbox, NoReply } from './replies.js';
export { eventMetadataFor, causedBy, reactionContext } from './metadata.js';
