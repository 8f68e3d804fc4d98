import { OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import pg from 'pg';
import { signInAsAdmin } from '../../gateway/test/helpers.js';

const TICKETS = 500;
const CLIENTS = 16;

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

/**
 * Opens one ticket until it is accepted: a killed service answers 5xx or not at all, and the retry
 * carries the same Idempotency-Key, so a ticket committed before the kill is not opened twice.
 */
async function openUntilAccepted(index: number): Promise<string> {
  const kind = index % 3 === 0 ? 'service' : 'incident';
  const key = `numbering-${index}`;
  return eventually(
    async () => {
      const { data, response } = await admin.http.POST('/tickets', {
        body: { kind, title: `Ticket ${index}`, description: 'numbering under faults', priority: 'low' },
        params: { header: { 'Idempotency-Key': key } as never },
      });
      if (!data || response.status !== 201) throw new Error(`status ${response.status}`);
      return data.number;
    },
    { timeoutMs: 120_000, intervalMs: 100 },
  );
}

it('numbers accepted tickets 1..N per kind with no gap or duplicate while ticketing is SIGKILLed twice', async () => {
  let next = 0;
  const accepted: string[] = [];
  const kills = [Math.floor(TICKETS / 3), Math.floor((2 * TICKETS) / 3)];
  const client = async () => {
    while (next < TICKETS) {
      const index = next++;
      if (kills.includes(index)) system.kill('ticketing');
      accepted.push(await openUntilAccepted(index));
    }
  };
  const firstPid = system.pidOf('ticketing');
  await Promise.all(Array.from({ length: CLIENTS }, client));
  expect(system.pidOf('ticketing')).not.toBe(firstPid); // the kills happened and ticketing came back
  expect(new Set(accepted).size).toBe(TICKETS);

  const db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  try {
    const { rows } = await db.query<{ number: string }>('SELECT number FROM ticketing.ticket_list');
    for (const prefix of ['INC', 'SRV']) {
      const numbers = rows
        .filter((r) => r.number.startsWith(`${prefix}-`))
        .map((r) => Number(r.number.slice(4)))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    expect(rows).toHaveLength(TICKETS);
    expect(new Set(rows.map((r) => r.number))).toEqual(new Set(accepted));
  } finally {
    await db.end();
  }
});
