import { newId } from '@omni/contracts';
import { givenEvents, type Projection } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { inboxProjection } from '../src/projections/inbox/projection.js';

const database = useTestDatabase();

const [clerk, manager] = [newId(), newId()];
const created = (userId: string, notificationId = newId()) => ({
  streamId: `inbox-${userId}`,
  type: 'created',
  data: {
    notificationId,
    userId,
    category: 'inventory',
    title: 'Low stock',
    body: 'W-1 is below its reorder level',
    resource: { type: 'product', id: newId() },
    sourceEventId: newId(),
    createdAt: '2026-12-07T10:00:00.000Z',
  },
});
const read = (userId: string, notificationIds: string[]) => ({
  streamId: `inbox-${userId}`,
  type: 'read',
  data: { userId, notificationIds, readAt: '2026-12-07T11:00:00.000Z' },
});

const first = created(clerk);
const second = created(clerk);
const events = [
  first,
  created(manager),
  second,
  read(clerk, [first.data.notificationId]),
  created(clerk),
  read(clerk, [first.data.notificationId, second.data.notificationId]), // read-all after a single read
  first, // redelivered: the id is the key
];

const rowsOf = async (t: Record<string, string>) =>
  (await database.pool.query(`SELECT * FROM ${t['inbox']} ORDER BY id`)).rows;

// `apply` runs the same batch code on one event, so this checks what batching changes (reads that
// follow creations in one batch, a redelivered creation), not an independent fold.
it('a batch of inbox events gives the rows its events give one batch each: reads after creations, redeliveries ignored', async () => {
  const oneAtATime: Projection = { ...inboxProjection, applyBatch: undefined };
  const batched = await givenEvents(database.pool, 'inbox_batched', inboxProjection, events);
  const single = await givenEvents(database.pool, 'inbox_single', oneAtATime, events);

  const rows = await rowsOf(batched);
  expect(rows).toEqual(await rowsOf(single));
  expect(rows).toHaveLength(4);
  expect(
    rows
      .filter((row) => row.read_at !== null)
      .map((row) => row.id)
      .sort(),
  ).toEqual([first.data.notificationId, second.data.notificationId].sort());
});
