import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats, ensureServiceStream } from '@omni/messaging';
import { eventually, startTestNats, type TestNatsServer } from '@omni/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * `omni` as an operator meets it when things are broken: it ends on a signal whatever its
 * connections are doing, and an unreachable server is one line on stderr and a non-zero exit code.
 */
const OMNI = fileURLToPath(new URL('../bin/omni.js', import.meta.url));
/**
 * Port 1 on loopback: privileged and unassigned, so nothing listens and the connection is refused
 * every time, unlike a port found free and released, which another process may take meanwhile.
 */
const REFUSED_NATS = 'nats://127.0.0.1:1';
const REFUSED_POSTGRES = 'postgres://postgres@127.0.0.1:1/omni';

const EVERY_COMMAND = [
  'replay inventory',
  'streams',
  'tail inventory.>',
  'dlq list',
  'dlq show 1',
  'dlq retry 1',
  'dlq drop 1',
];

interface OmniProcess {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(name: NodeJS.Signals): void;
}

/** Children still running when their test ends (it failed): killed, so none outlives the suite. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
});

function startOmni(args: readonly string[], env: Record<string, string>): OmniProcess {
  const child = spawn(process.execPath, [OMNI, '--json', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines = (stream: NodeJS.ReadableStream, into: string[]) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      into.push(...parts);
    });
  };
  const stdout: string[] = [];
  const stderr: string[] = [];
  lines(child.stdout, stdout);
  lines(child.stderr, stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { stdout, stderr, exited, signal: (name) => child.kill(name) };
}

/** Accepts connections and never says a word: a server that hangs rather than refuses. */
async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('when a server cannot be reached', () => {
  it.each(EVERY_COMMAND)('omni %s fails with one line naming NATS when its port refuses', async (command) => {
    const omni = startOmni(command.split(' '), { NATS_URL: REFUSED_NATS, DATABASE_URL: REFUSED_POSTGRES });
    const { code } = await omni.exited;
    expect(code).toBe(1);
    expect(omni.stderr).toEqual([
      expect.stringMatching(/^omni: cannot reach NATS at nats:\/\/127\.0\.0\.1:1 \(/),
    ]);
  });

  it('gives up on a NATS that accepts the connection but never answers', async () => {
    const silent = await startSilentServer();
    try {
      const url = `nats://127.0.0.1:${silent.port}`;
      const omni = startOmni(['streams'], { NATS_URL: url });
      expect((await omni.exited).code).toBe(1);
      expect(omni.stderr).toEqual([`omni: cannot reach NATS at ${url} (timeout)`]);
    } finally {
      await silent.close();
    }
  });
});

describe('with NATS up', () => {
  let natsServer: TestNatsServer;
  let nats: NatsConnection;

  beforeAll(async () => {
    natsServer = await startTestNats();
    nats = await connectNats({ url: natsServer.url, name: 'cli-lifecycle-test' });
    await ensureServiceStream(nats, 'inventory');
  });

  afterAll(async () => {
    await nats?.close();
    await natsServer?.dispose();
  });

  it('omni streams names PostgreSQL when it refuses, in one line', async () => {
    const omni = startOmni(['streams'], { NATS_URL: natsServer.url, DATABASE_URL: REFUSED_POSTGRES });
    expect((await omni.exited).code).toBe(1);
    expect(omni.stderr).toEqual([
      expect.stringMatching(
        /^omni: cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/omni \(/,
      ),
    ]);
  });

  /** Starts `omni tail` and waits until it prints an event published after it started. */
  async function tailThatIsLive(): Promise<OmniProcess> {
    const omni = startOmni(['tail', 'inventory.>'], { NATS_URL: natsServer.url });
    await eventually(() => expect(omni.stderr.join('\n')).toContain('following inventory.>'));
    const event = { id: 'e1', type: 'inventory.location.created', data: { code: 'A' } };
    await jetstream(nats).publish('inventory.location.l1.created', JSON.stringify(event));
    await eventually(() => expect(omni.stdout.join('\n')).toContain('"inventory.location.l1.created"'));
    return omni;
  }

  it('omni tail ends on SIGTERM with the shell convention for it (143)', async () => {
    const omni = await tailThatIsLive();
    omni.signal('SIGTERM');
    expect(await omni.exited).toEqual({ code: 143, signal: null });
  });

  // Last in this block: it stops the suite's NATS.
  it('omni tail ends on Ctrl-C while NATS is gone and it is reconnecting (exit code 130)', async () => {
    const omni = await tailThatIsLive();
    await natsServer.stop();
    await eventually(() => expect(omni.stderr.join('\n')).toContain('reconnecting'));
    omni.signal('SIGINT');
    // No deadline here but the test's own: the point is that it exits at all, and how.
    expect(await omni.exited).toEqual({ code: 130, signal: null });
    expect(omni.stderr.filter((line) => line.includes('    at '))).toEqual([]); // no stack trace
  });
});
