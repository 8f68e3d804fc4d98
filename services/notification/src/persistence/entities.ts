/**
 * The state of notification that is not event-sourced, as MikroORM entities (ADR 4 reserved MikroORM
 * for the first such state; services/notification/README.md says why these two are entities).
 * Tables live in the service's schema and are created by the migrations in ./migrations.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A user's settings: overwritten by PUT /notifications/preferences, no history kept. */
export const NotificationPreference = defineEntity({
  name: 'NotificationPreference',
  tableName: 'preferences',
  properties: {
    userId: p.uuid().primary(),
    email: p.boolean().default(true),
    mutedCategories: p.array().default([]),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type NotificationPreference = InferEntity<typeof NotificationPreference>;

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * The e-mail copy of one notification: queued in the transaction that commits the notification,
 * then worked off by the sender (application/email-sender.ts) with backoff until sent or given up.
 */
export const EmailDelivery = defineEntity({
  name: 'EmailDelivery',
  tableName: 'email_delivery',
  properties: {
    notificationId: p.uuid().primary(),
    userId: p.uuid(),
    toAddress: p.string(),
    subject: p.string(),
    body: p.text(),
    /** `<notificationId@omni.notification>`: the same on every attempt, so a re-send is recognisable. */
    messageId: p.string(),
    status: p.enum(EMAIL_STATUSES).default('pending'),
    attempts: p.integer().default(0),
    createdAt: p.datetime(),
    nextAttemptAt: p.datetime(),
    sentAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
  },
});
export type EmailDelivery = InferEntity<typeof EmailDelivery>;
