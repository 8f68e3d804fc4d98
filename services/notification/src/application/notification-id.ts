import { createHash } from 'node:crypto';

/**
 * The id of the notification a source event makes for one recipient: a name-based UUID (RFC 9562
 * version 5 layout over SHA-1) of the pair. Every delivery of the same event to the same user names
 * the same notification, so a retry, a redelivery or another replica can only ever mean this one.
 */
export function notificationIdFor(sourceEventId: string, recipientId: string): string {
  const hash = createHash('sha1').update(`omni-notification:${sourceEventId}:${recipientId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
