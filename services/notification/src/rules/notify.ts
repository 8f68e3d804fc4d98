import type { Role, notification } from '@omni/contracts';

/** Who a notification is for, as the event says it; the executor turns it into user ids. */
export type Audience =
  /** These users (nulls dropped: a staff member without a gateway user gets nothing). */
  | { readonly kind: 'users'; readonly userIds: readonly (string | null)[] }
  /** Every active user with one of these roles, from notification's own view of the gateway's users. */
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  /** The user who placed the order: the `actorid` of its `placed` event. */
  | { readonly kind: 'orderPlacer'; readonly orderId: string };

/** The one command every rule asks for: notify an audience about a source event. */
export interface Notify {
  readonly type: 'Notify';
  readonly sourceEventId: string;
  readonly category: notification.NotificationCategory;
  readonly audience: Audience;
  /** Users never notified whatever the audience (the author of a comment). */
  readonly except: readonly string[];
  readonly title: string;
  readonly body: string;
  readonly resource: notification.NotificationResource;
}

/** What a rule writes for one event; the source event id comes from the envelope. */
export type RuleOutcome = Omit<Notify, 'type' | 'sourceEventId' | 'except'> & { readonly except?: readonly string[] };

export const users = (...userIds: (string | null)[]): Audience => ({ kind: 'users', userIds });
export const roles = (...list: Role[]): Audience => ({ kind: 'roles', roles: list });
export const orderPlacer = (orderId: string): Audience => ({ kind: 'orderPlacer', orderId });

/** The first block of a uuid: enough for a person to tell two orders apart in a title. */
export const shortId = (id: string) => id.slice(0, 8);

/** Minor units as a person reads them: `1250 EUR` → `12.50 EUR` (two decimals, as every price here). */
export const formatMoney = ({ amount, currency }: { amount: number; currency: string }) =>
  `${(amount / 100).toFixed(2)} ${currency}`;
