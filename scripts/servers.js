#!/usr/bin/env node
// The PostgreSQL and NATS of `npm start`, kept by a helper process that scripts/start.js runs in a
// process group of its own. A terminal's Ctrl-C signals its whole foreground group; were the servers
// in it, they would stop at once, under the services still finishing their work. Here they stop
// only when the launcher says so (after the services), or when the launcher is gone (its IPC channel
// closes, e.g. it was killed outright), so no server outlives it.
// Messages to the launcher: {type:'waiting', message} · {type:'ready', postgres, nats} · {type:'failed', message}.
// From the launcher: {type:'stop', immediate?}.
import { resolveSystemServers } from '@omni/testing/servers';

const dataDir = process.argv[2];
let servers;
let stopping;

function stop(immediate = false) {
  stopping ??= (async () => {
    await servers?.stop({ immediate });
    process.exit(0);
  })();
  return stopping;
}

process.on('message', (message) => {
  if (message?.type === 'stop') void stop(message.immediate);
});
process.on('disconnect', () => void stop());
// Signalled directly (it is not in the terminal's group): stop the servers rather than orphan them.
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

try {
  servers = await resolveSystemServers({
    env: process.env,
    dataDir,
    onWaiting: (message) => process.send({ type: 'waiting', message }),
  });
  const summary = ({ url, description }) => ({ url, description });
  process.send({ type: 'ready', postgres: summary(servers.postgres), nats: summary(servers.nats) });
} catch (error) {
  process.send({ type: 'failed', message: error.message }, () => process.exit(1));
}
