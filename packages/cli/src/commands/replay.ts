import { REPLAY_RPC, newId, type ReplayInput } from '@omni/contracts';
import type { RebuildProgress, RebuildResult } from '@omni/projections';
import cliProgress from 'cli-progress';
import { withNats, type Output } from '../context.js';

/**
 * `omni replay <service>`: the service rebuilds its read models into shadow tables while it keeps
 * serving, then swaps them in. Progress streams back over NATS.
 */
export async function replay(
  service: string,
  options: { projection?: string; dryRun?: boolean },
  out: Output,
) {
  const results = await withNats(async (nats, rpc) => {
    const progressSubject = `_INBOX.replay.${newId()}`;
    const bar =
      process.stderr.isTTY && !out.json
        ? new cliProgress.SingleBar(
            { format: '{projection} [{bar}] {value}/{total} events' },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
    let current = '';
    const progress = nats.subscribe(progressSubject, {
      callback: (_error, message) => {
        const p = message.json<RebuildProgress>();
        if (!bar) return;
        if (p.projection !== current) {
          if (current) bar.stop();
          current = p.projection;
          bar.start(p.total, 0, { projection: p.projection });
        }
        bar.setTotal(Math.max(p.total, p.events));
        bar.update(p.events, { projection: p.projection });
      },
    });
    try {
      const input: ReplayInput = { ...options, progressSubject };
      return await rpc.call<RebuildResult[]>(
        service,
        REPLAY_RPC,
        { input, context: { correlationId: newId() } },
        { timeoutMs: 60 * 60_000 },
      );
    } finally {
      bar?.stop();
      progress.unsubscribe();
    }
  });
  const events = results.reduce((sum, r) => sum + r.events, 0);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const summary = {
    service,
    dryRun: !!options.dryRun,
    events,
    seconds,
    eventsPerSecond: Math.round(events / Math.max(seconds, 1e-9)),
    projections: results,
  };
  out.result(summary, () =>
    [
      ...results.map(
        (r) =>
          `  ${r.projection}: ${r.events} events in ${r.seconds.toFixed(2)} s; rows ${JSON.stringify(r.rows)}`,
      ),
      `${options.dryRun ? 'dry run: ' : ''}replayed ${events} events in ${seconds.toFixed(2)} s (${summary.eventsPerSecond} events/s)`,
    ].join('\n'),
  );
}
