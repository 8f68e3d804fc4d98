import { createLogger, createPool, ensureDatabase, ensureSchema, startOpsServer } from '@omni/service-kit';
import { createTestDatabase, startTestTracing } from '@omni/testing';
import { context, trace } from '@opentelemetry/api';
import { Writable } from 'node:stream';

it('creates a missing database once even when several processes race to do it', async () => {
  // A database name on the test server (local, or embedded where none runs) that does not exist yet.
  const database = await createTestDatabase('omni_kit');
  await database.drop();
  const url = database.url;
  await Promise.all([ensureDatabase(url), ensureDatabase(url), ensureDatabase(url)]);
  const pool = createPool(url);
  await Promise.all([ensureSchema(pool, 'inventory'), ensureSchema(pool, 'inventory')]);
  const { rows } = await pool.query(
    `SELECT 1 FROM information_schema.schemata WHERE schema_name = 'inventory'`,
  );
  expect(rows).toHaveLength(1);
  await pool.end();
  await database.drop();
});

it('starts every pooled connection with the settings asked for, and refuses one that is not plain', async () => {
  const database = await createTestDatabase('omni_kit_settings');
  const pool = createPool(database.url, { settings: { max_parallel_workers_per_gather: 0 } });
  const clients = await Promise.all([pool.connect(), pool.connect()]);
  for (const client of clients) {
    const { rows } = await client.query('SHOW max_parallel_workers_per_gather');
    expect(rows[0]).toEqual({ max_parallel_workers_per_gather: '0' });
    client.release();
  }
  await pool.end();
  await database.drop();
  expect(() => createPool(database.url, { settings: { 'work_mem; DROP': 1 } })).toThrow(RangeError);
});

it('serves live, ready and metrics', async () => {
  let ready = false;
  const server = await startOpsServer({ port: 0, host: '127.0.0.1', isReady: () => ready });
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
  expect((await get('/health/live')).status).toBe(200);
  expect((await get('/health/ready')).status).toBe(503);
  ready = true;
  expect((await get('/health/ready')).status).toBe(200);
  expect(await (await get('/metrics')).text()).toContain('omni_command_duration_seconds');
  await server.close();
});

it('writes the active trace and span ids into every log line', async () => {
  const tracing = startTestTracing();
  const lines: string[] = [];
  const destination = new Writable({
    write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()),
  });
  const logger = createLogger({ service: 'test', destination });
  const span = trace.getTracer('test').startSpan('work');
  context.with(trace.setSpan(context.active(), span), () => logger.info('inside a span'));
  span.end();
  const line = JSON.parse(lines[0]!);
  expect(line).toMatchObject({
    service: 'test',
    trace_id: span.spanContext().traceId,
    span_id: span.spanContext().spanId,
  });
  await tracing.shutdown();
});
