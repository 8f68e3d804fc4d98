export { freePort, isPortOpen, waitForPort } from './ports.js';
export {
  type SuiteDatabase,
  type TestDatabase,
  createTestDatabase,
  startTestPostgres,
  useTestDatabase,
} from './postgres.js';
export { type SuiteNats, type TestNatsServer, startTestNats, useTestNats } from './nats.js';
export { eventually } from './eventually.js';
export { type DeciderSpecWhen, given, recordingDecisions } from './decider-spec.js';
export { type ReactionUnderTest, whenEvent, cloudEventOf } from './reaction-spec.js';
export {
  type RunningSystem,
  type StartSystemOptions,
  SYSTEM_START_TIMEOUT_MS,
  startSystem,
  waitUntilReady,
} from './system.js';
export { type TestTracing, startTestTracing } from './tracing.js';
