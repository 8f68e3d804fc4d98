import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The Message-ID header as sent, e.g. `<id@omni.notification>`. */
  readonly messageId: string | undefined;
  readonly to: readonly string[];
}

export interface TestSmtpServer {
  /** Every e-mail accepted so far, in order. */
  readonly received: readonly ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process on 127.0.0.1:`port` (plain text, no auth) that keeps what it
 * accepts. `refuse` may answer a recipient with an error carrying `responseCode` (451, 550, …).
 */
export async function startTestSmtp(port: number, refuse?: () => Error | undefined): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(refuse?.() ?? undefined);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1],
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An SMTP refusal as a server gives it. */
export const smtpRefusal = (message: string, responseCode: number): Error =>
  Object.assign(new Error(message), { responseCode });
