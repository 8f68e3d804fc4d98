import { Command, InvalidArgumentError } from 'commander';
import { dlqDrop, dlqList, dlqRetry, dlqShow } from './commands/dlq.js';
import { replay } from './commands/replay.js';
import { streams } from './commands/streams.js';
import { tail } from './commands/tail.js';
import { output } from './context.js';
import { exitOnSignals, exitWithError } from './lifecycle.js';

exitOnSignals();
// A failure deep in a client library must still end as one line, not a stack trace.
process.on('unhandledRejection', exitWithError);
process.on('uncaughtException', exitWithError);

const sequence = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError('must be a stream sequence (an integer >= 0)');
  return n;
};

const program = new Command('omni')
  .description(
    'Operate Omni: rebuild read models, inspect streams, follow events, handle dead letters.\nUses NATS_URL and DATABASE_URL like `npm start`.',
  )
  .option('--json', 'print results as JSON lines on stdout')
  .showHelpAfterError();
const out = () => output(Boolean(program.opts()['json']));

program
  .command('replay <service>')
  .description('rebuild the service’s read models from its event log while it keeps serving')
  .option('--projection <name>', 'only this read model')
  .option('--dry-run', 'build and compare, then discard; the live read model stays')
  .action((service: string, options: { projection?: string; dryRun?: boolean }) =>
    replay(service, options, out()),
  );

program
  .command('streams')
  .description('streams, consumers with pending counts, relay lag')
  .action(() => streams(out()));

program
  .command('tail <subject>')
  .description('print events matching a subject filter as they come, e.g. inventory.product.>')
  .option('--since <seq>', 'start after this stream sequence', sequence)
  .option('--limit <n>', 'stop after n events', sequence)
  .action((subject: string, options: { since?: number; limit?: number }) => tail(subject, options, out()));

const dlq = program.command('dlq').description('dead letters: messages a consumer gave up on');
dlq.command('list').action(() => dlqList(out()));
dlq.command('show <seq>').action((seq: string) => dlqShow(sequence(seq), out()));
dlq
  .command('retry <seq>')
  .description('hand it to its consumer once more')
  .action((seq: string) => dlqRetry(sequence(seq), out()));
dlq
  .command('drop <seq>')
  .description('delete it')
  .action((seq: string) => dlqDrop(sequence(seq), out()));

program.parseAsync().catch(exitWithError);
