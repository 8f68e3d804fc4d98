export {
  type TableNames,
  type Projection,
  liveTables,
  shadowTables,
  applyEvents,
  inlineProjections,
  migrateProjections,
  ensureProjection,
  tableExists,
} from './projection.js';
export {
  type StreamSource,
  type StreamProjection,
  type StreamEvent,
  streamProjection,
} from './stream-projection.js';
export { readCheckpoint, writeCheckpoint } from './checkpoint.js';
export { readStreamCheckpoint } from './stream-checkpoint.js';
export { applyStreamEvents } from './stream-apply.js';
export {
  type RebuildProgress,
  type RebuildOptions,
  type RebuildResult,
  rebuildProjection,
  rebuildProjections,
} from './rebuild.js';
export { inBatches } from './batches.js';
export { type StreamRebuildOptions, rebuildStreamProjection } from './stream-rebuild.js';
export { type RunningProjection, runCheckpointedProjection } from './runner.js';
export {
  type RunningStreamProjection,
  type StreamProjectionRunnerOptions,
  runStreamProjection,
} from './stream-runner.js';
export {
  type ReplayRequest,
  type ReplayDependencies,
  type ServiceProjections,
  replayProjections,
} from './replay.js';
export { type SpecEvent, type SpecStreamEvent, givenEvents, givenStreamEvents } from './spec.js';
export { escapeLike, containsPattern } from './sql.js';
