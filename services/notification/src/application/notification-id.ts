import { v5 as uuidV5 } from 'uuid';

/** The namespace of notification ids (a fixed random uuid: changing it would change every id). */
const NOTIFICATION_NAMESPACE = '6f1d7c52-3b1e-4f0a-9c57-2d8e5b0a4c11';

/**
 * The id of the notification a source event makes for one recipient: a name-based (version 5) UUID
 * of the pair. Every delivery of the same event to the same user names the same notification, so a
 * retry, a redelivery or another replica can only ever mean this one (and an e-mail's Message-ID
 * derived from it is recognisable).
 */
export function notificationIdFor(sourceEventId: string, recipientId: string): string {
  return uuidV5(`${sourceEventId}:${recipientId}`, NOTIFICATION_NAMESPACE);
}
