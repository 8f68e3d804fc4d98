/**
 * The e-mail sender against a real SMTP server in this process (smtp-server) and the real
 * PostgreSQL: sent once with its deterministic Message-ID, retried while the server is down,
 * given up on a rejection or after the give-up time.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { newId, silentLogger } from '@omni/contracts';
import { createTestDatabase, eventually, freePort, type TestDatabase } from '@omni/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmailSender, type EmailSettings, type RunningSender } from '../src/application/email-sender.js';
import { messageIdOf } from '../src/application/email-queue.js';
import { EmailDelivery } from '../src/persistence/entities.js';
import { migrateOrm, openOrm } from '../src/persistence/orm.js';
import { smtpRefusal, startTestSmtp, type TestSmtpServer } from './smtp.js';

const SCHEMA = 'notification';
let database: TestDatabase;
let pool: pg.Pool;
let orm: MikroORM;
const senders: RunningSender[] = [];
const servers: TestSmtpServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase('omni_email');
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await pool.query(`CREATE SCHEMA ${SCHEMA}`);
  orm = await openOrm(database.url, SCHEMA);
  await migrateOrm(orm, pool, SCHEMA);
  await migrateOrm(orm, pool, SCHEMA); // a second start finds nothing to do
});

afterEach(async () => {
  for (const sender of senders.splice(0)) await sender.stop();
  for (const server of servers.splice(0)) await server.close();
  await pool.query(`DELETE FROM ${SCHEMA}.email_delivery`);
});

afterAll(async () => {
  await orm?.close();
  await pool?.end();
  await database?.drop();
});

/** A test SMTP server on `port`, closed after each test. */
async function smtpServer(port: number, refuse?: () => Error | undefined) {
  const server = await startTestSmtp(port, refuse);
  servers.push(server);
  return server.received;
}

function settings(port: number, overrides: Partial<EmailSettings> = {}): EmailSettings {
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Omni <notifications@omni.test>',
    retryBaseMs: 50,
    maxRetryDelayMs: 200,
    giveUpAfterMs: 60_000,
    pollMs: 20,
    ...overrides,
  };
}

async function queue(to = 'ada@omni.test'): Promise<string> {
  const notificationId = newId();
  await pool.query(
    `INSERT INTO ${SCHEMA}.email_delivery
       (notification_id, user_id, to_address, subject, body, message_id, created_at, next_attempt_at)
     VALUES ($1, $2, $3, 'Low stock: TEA-1', '2 available', $4, now(), now())`,
    [notificationId, newId(), to, messageIdOf(notificationId)],
  );
  return notificationId;
}

/** A throwaway self-signed certificate for 127.0.0.1 (the `openssl` CLI). */
function selfSignedTls(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'omni-smtps-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const tls = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  rmSync(dir, { recursive: true });
  return tls;
}

const deliveryOf = (notificationId: string) => orm.em.fork().findOneOrFail(EmailDelivery, { notificationId });

describe('when the SMTP server accepts', () => {
  it('sends each queued e-mail once, with the Message-ID derived from its notification', async () => {
    const port = await freePort();
    const received = await smtpServer(port);
    const ids = [await queue('ada@omni.test'), await queue('bob@omni.test')];
    senders.push(startEmailSender(orm, settings(port), silentLogger));
    await eventually(async () => {
      for (const id of ids) expect((await deliveryOf(id)).status).toBe('sent');
    });
    expect(received.map((r) => r.messageId).sort()).toEqual(ids.map(messageIdOf).sort());
    expect(received.flatMap((r) => r.to).sort()).toEqual(['ada@omni.test', 'bob@omni.test']);
    expect((await deliveryOf(ids[0]!)).attempts).toBe(1);
  });

  it('speaks TLS from the first byte to an smtps:// server (our socket, upgraded by nodemailer)', async () => {
    const port = await freePort();
    const server = await startTestSmtp(port, undefined, selfSignedTls());
    servers.push(server);
    const id = await queue();
    const smtpUrl = `smtps://127.0.0.1:${port}?tls.rejectUnauthorized=false`;
    senders.push(startEmailSender(orm, settings(port, { smtpUrl }), silentLogger));
    await eventually(async () => expect((await deliveryOf(id)).status).toBe('sent'));
    expect(server.received).toEqual([{ messageId: messageIdOf(id), to: ['ada@omni.test'], secure: true }]);
  });

  it('keeps one connection open from one e-mail to the next', async () => {
    const port = await freePort();
    const server = await startTestSmtp(port);
    servers.push(server);
    const ids = await Promise.all(Array.from({ length: 20 }, () => queue()));
    senders.push(startEmailSender(orm, settings(port), silentLogger));
    await eventually(async () => expect(server.received).toHaveLength(ids.length));
    expect(server.sessions).toBe(1);
  });

  it('shares the queue between two senders without sending one e-mail twice', async () => {
    const port = await freePort();
    const received = await smtpServer(port);
    const ids = await Promise.all(Array.from({ length: 20 }, () => queue()));
    senders.push(
      startEmailSender(orm, settings(port), silentLogger),
      startEmailSender(orm, settings(port), silentLogger),
    );
    await eventually(async () => {
      const { rows } = await pool.query(
        `SELECT count(*) AS n FROM ${SCHEMA}.email_delivery WHERE status = 'sent'`,
      );
      expect(Number(rows[0].n)).toBe(ids.length);
    });
    expect(received).toHaveLength(ids.length);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(ids.length);
  });
});

describe('when the SMTP server is down for a while', () => {
  it('retries with backoff and sends once it is back', async () => {
    const port = await freePort();
    const id = await queue();
    senders.push(startEmailSender(orm, settings(port), silentLogger));
    await eventually(async () => expect((await deliveryOf(id)).attempts).toBeGreaterThanOrEqual(2));
    const down = await deliveryOf(id);
    expect(down.status).toBe('pending');
    expect(down.lastError).toEqual(expect.any(String));

    const received = await smtpServer(port);
    await eventually(async () => expect((await deliveryOf(id)).status).toBe('sent'));
    expect(received.map((r) => r.messageId)).toEqual([messageIdOf(id)]);
  });

  it('sends what was queued during an outage, each once, after the server drops its connection and returns', async () => {
    const port = await freePort();
    const server = await startTestSmtp(port);
    servers.push(server);
    const before = await queue();
    senders.push(startEmailSender(orm, settings(port), silentLogger));
    await eventually(async () => expect((await deliveryOf(before)).status).toBe('sent'));

    await server.close(); // the open connection is cut, new ones refused
    const during = await queue();
    await eventually(async () => expect((await deliveryOf(during)).attempts).toBeGreaterThanOrEqual(1));
    expect((await deliveryOf(during)).status).toBe('pending');

    await server.reopen();
    await eventually(async () => expect((await deliveryOf(during)).status).toBe('sent'));
    expect(server.received.map((r) => r.messageId)).toEqual([messageIdOf(before), messageIdOf(during)]);
  });

  it('gives up after the give-up time and shows it as failed', async () => {
    const port = await freePort();
    const id = await queue();
    senders.push(startEmailSender(orm, settings(port, { giveUpAfterMs: 300 }), silentLogger));
    await eventually(async () => expect((await deliveryOf(id)).status).toBe('failed'));
    expect((await deliveryOf(id)).attempts).toBeGreaterThanOrEqual(2);
  });
});

describe('when the SMTP server rejects', () => {
  it('fails a permanent rejection (5xx) at once', async () => {
    const port = await freePort();
    await smtpServer(port, () => smtpRefusal('mailbox unavailable', 550));
    const id = await queue('nobody@omni.test');
    senders.push(startEmailSender(orm, settings(port), silentLogger));
    await eventually(async () => expect((await deliveryOf(id)).status).toBe('failed'));
    const failed = await deliveryOf(id);
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('mailbox unavailable');
  });

  it('retries a temporary rejection (4xx) until it is accepted', async () => {
    const port = await freePort();
    let refusals = 2;
    const received = await smtpServer(port, () =>
      refusals-- > 0 ? smtpRefusal('try later', 451) : undefined,
    );
    const id = await queue();
    senders.push(startEmailSender(orm, settings(port), silentLogger));
    await eventually(async () => expect((await deliveryOf(id)).status).toBe('sent'));
    expect((await deliveryOf(id)).attempts).toBe(3);
    expect(received).toHaveLength(1);
  });
});
