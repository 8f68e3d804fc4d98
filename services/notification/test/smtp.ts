import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The Message-ID header as sent, e.g. `<id@omni.notification>`. */
  readonly messageId: string | undefined;
  readonly to: readonly string[];
  /** Whether the session was encrypted (TLS) when the e-mail was accepted. */
  readonly secure: boolean;
}

/** A certificate and key for a test server that speaks TLS from the first byte (SMTPS, port 465 style). */
export interface TestTls {
  readonly key: string;
  readonly cert: string;
}

export interface TestSmtpServer {
  /** Every e-mail accepted so far, in order, duplicates included; kept across `close` and `reopen`. */
  readonly received: readonly ReceivedMail[];
  /** How many SMTP sessions (connections) were opened so far. */
  readonly sessions: number;
  /** Goes down: open sessions are cut (421) and connections refused until `reopen`. */
  close(): Promise<void>;
  /** Listens again on the same port, as a mail server back from an outage. */
  reopen(): Promise<void>;
}

/**
 * A real SMTP server in the test process on 127.0.0.1:`port` (plain text, or TLS from the first byte
 * with `tls`; no auth) that keeps what it accepts. `refuse` may answer a recipient with an error
 * carrying `responseCode` (451, 550, …).
 */
export async function startTestSmtp(
  port: number,
  refuse?: () => Error | undefined,
  tls?: TestTls,
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let sessions = 0;
  let server: SMTPServer | undefined;
  const listen = async () => {
    const listening = acceptingServer(received, () => sessions++, refuse, tls);
    // A client that dies (a SIGKILLed sender) resets its connection: a mail server carries on.
    listening.on('error', () => undefined);
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
    server = listening;
  };
  await listen();
  return {
    received,
    get sessions() {
      return sessions;
    },
    async close() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    reopen: listen,
  };
}

function acceptingServer(
  received: ReceivedMail[],
  onSession: () => void,
  refuse?: () => Error | undefined,
  tls?: TestTls,
): SMTPServer {
  return new SMTPServer({
    ...(tls ? { secure: true, key: tls.key, cert: tls.cert } : {}),
    // close() ends the sessions under way at once (421), as a server going down does, instead of
    // waiting up to 30 s for them: a client keeps its connection open between e-mails.
    closeTimeout: 1,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      onSession();
      callback();
    },
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
          secure: session.secure,
        });
        callback();
      });
    },
  });
}

/** An SMTP refusal as a server gives it. */
export const smtpRefusal = (message: string, responseCode: number): Error =>
  Object.assign(new Error(message), { responseCode });
