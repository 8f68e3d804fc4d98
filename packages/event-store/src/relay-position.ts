import type { JetStreamManager } from '@nats-io/jetstream';
import { START, type Position } from './types.js';

export const POSITION_HEADER = 'Omni-Position';

export function formatPosition(position: Position): string {
  return `${position.transactionId}:${position.globalPosition}`;
}

export function parsePosition(value: string | undefined): Position | undefined {
  const match = value?.match(/^(\d+):(\d+)$/);
  return match ? { transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) } : undefined;
}

export interface StreamHead {
  /** The store position of the last event the stream holds: publishing resumes after it. */
  readonly position: Position;
  /** The stream's last sequence: the next publish must expect exactly this (`Nats-Expected-Last-Sequence`). */
  readonly lastSequence: number;
}

/**
 * Where the relay stopped, read from the stream itself: the newest message that carries a store
 * position. Messages lost from the tail (an OS crash before fsync) or deleted are skipped, so the
 * relay rewinds and republishes them; PostgreSQL stays the truth.
 */
export async function readStreamHead(jsm: JetStreamManager, stream: string): Promise<StreamHead> {
  const { state } = await jsm.streams.info(stream);
  for (let seq = state.last_seq; seq >= Math.max(state.first_seq, 1) && state.messages > 0; seq--) {
    const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    const position = parsePosition(message?.header?.get(POSITION_HEADER));
    if (position) return { position, lastSequence: state.last_seq };
  }
  return { position: START, lastSequence: state.last_seq };
}
