// The CLI is used as a program (`npx omni`); these are exported for tests and scripts.
export { replay } from './commands/replay.js';
export { streams } from './commands/streams.js';
export { tail } from './commands/tail.js';
export { dlqList, dlqShow, dlqRetry, dlqDrop } from './commands/dlq.js';
export { type Output, output } from './context.js';
