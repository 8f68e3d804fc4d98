// Two gateway replicas: a deactivation made through one is seen by the other on the very next request
// (it reads the user's standing from the database) and closes the user's socket there too.
import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import WebSocket from 'ws';
import { ADMIN, unique } from './helpers.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem({ env: { OMNI_REPLICAS: 'gateway=2' } });
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

it("refuses a deactivated user's token on the other replica and closes their socket there", async () => {
  const admin = new OmniClient({ baseUrl: system.gatewayUrl(0) });
  await admin.login(ADMIN.email, ADMIN.password);
  const email = `${unique('replica')}@omni.test`;
  const user = ok(
    await admin.http.POST('/users', {
      body: { email, name: 'Clerk', password: 'correct horse battery', roles: ['clerk'] },
    }),
  );
  const onOtherReplica = new OmniClient({ baseUrl: system.gatewayUrl(1) });
  await onOtherReplica.login(email, 'correct horse battery');
  const me = () =>
    fetch(`${system.gatewayUrl(1)}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${onOtherReplica.accessToken}` },
    });
  expect((await me()).status).toBe(200); // replica 1 has verified (and cached) the token
  const socket = new WebSocket(
    `${system.gatewayUrl(1).replace('http', 'ws')}/ws?access_token=${onOtherReplica.accessToken}`,
  );
  const closed: { code?: number } = {};
  socket.on('close', (code) => (closed.code = code));
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));

  ok(await admin.http.POST('/users/{userId}/deactivate', { params: { path: { userId: user.id } } }));

  expect((await me()).status).toBe(401);
  await eventually(() => expect(closed.code).toBe(4003));
});
