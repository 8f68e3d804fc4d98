export {
  type TableNames,
  type Projection,
  liveTables,
  shadowTables,
  applyEvents,
  inlineProjections,
  migrateProjections,
  ensureProjection,
} from './projection.js';
export { readCheckpoint, writeCheckpoint } from './checkpoint.js';
export {
  type RebuildProgress,
  type RebuildOptions,
  type RebuildResult,
  rebuildProjection,
  rebuildProjections,
} from './rebuild.js';
export { type RunningProjection, runCheckpointedProjection } from './runner.js';
export { type ReplayRequest, replayProjections } from './replay.js';
