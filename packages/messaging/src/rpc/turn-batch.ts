/**
 * Runs deferred sends together at the end of the event loop's current turn (`setImmediate`), so the
 * NATS messages queued by every request handled in that turn leave in one socket write: nats.js
 * flushes once per microtask checkpoint, which under load means one `write` system call per message,
 * the largest item in the gateway's and the services' CPU profiles.
 */
export function createTurnBatch(): (send: () => void) => void {
  let queued: (() => void)[] = [];
  const flush = () => {
    const sends = queued;
    queued = [];
    for (const send of sends) send();
  };
  return (send) => {
    if (queued.push(send) === 1) setImmediate(flush);
  };
}
