import { v7 as uuidv7 } from 'uuid';

/** A new time-ordered id (UUID v7): index-friendly and sortable by creation time. */
export function newId(): string {
  return uuidv7();
}
