import { OmniSignedOutError } from './errors.js';
import type { ErrorFrame, EventFrame } from './realtime.js';
import { type ConnectionTokens, connectWithFreshToken } from './session.js';

export interface SseTarget {
  readonly baseUrl: string;
  readonly tokens: ConnectionTokens;
  readonly subject: string;
  /** Resume after this stream sequence (sent as Last-Event-ID). */
  lastSeq: number | undefined;
  readonly clientRef: string;
  readonly onEvent: (frame: EventFrame) => void;
  readonly onError?: (frame: ErrorFrame) => void;
  readonly reconnect: boolean;
}

/**
 * One subscription over Server-Sent Events (`GET /api/v1/events`), for where a WebSocket cannot
 * connect. Read with fetch rather than EventSource so the token travels in a header and every
 * reconnect sends the last sequence seen as `Last-Event-ID`.
 */
export class SseSubscription {
  private readonly abort = new AbortController();
  private attempts = 0;
  private started: (() => void) | undefined;

  constructor(private readonly target: SseTarget) {}

  /**
   * Resolves once the gateway accepted the subscription and said where it starts (so `lastSeq` is
   * a position to resume from); rejects when it refused it.
   */
  async start(): Promise<void> {
    const body = await this.open();
    await new Promise<void>((resolve) => {
      this.started = resolve;
      void this.read(body);
    });
  }

  close(): void {
    this.abort.abort();
  }

  /** The stream, with a renewed token when the gateway refused the current one as expired. */
  private async open(): Promise<ReadableStream<Uint8Array>> {
    try {
      const body = await connectWithFreshToken(
        this.target.tokens,
        (token) => this.request(token),
        (error) => error instanceof EventStreamRefused && error.status === 401,
      );
      this.attempts = 0;
      return body;
    } catch (error) {
      if (error instanceof EventStreamRefused) this.target.onError?.(error.frame);
      throw error;
    }
  }

  private async request(token: string): Promise<ReadableStream<Uint8Array>> {
    const url = new URL('/api/v1/events', this.target.baseUrl);
    url.searchParams.set('subject', this.target.subject);
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    };
    if (this.target.lastSeq !== undefined) headers['last-event-id'] = String(this.target.lastSeq);
    const response = await fetch(url, { headers, signal: this.abort.signal });
    if (!response.ok || !response.body) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
      const frame: ErrorFrame = {
        op: 'error',
        id: this.target.clientRef,
        code: problem.code ?? String(response.status),
        message: problem.detail ?? `the event stream was refused: ${response.status}`,
      };
      throw new EventStreamRefused(response.status, frame);
    }
    return response.body;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    try {
      let buffer = '';
      for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // a dropped connection: reconnect below
    }
    this.started?.(); // ended before it said where it starts: the caller is not left waiting
    this.started = undefined;
    this.reconnectLater();
  }

  /** One SSE block: `id:` moves the resume position even when there is no data (the subscription's head). */
  private dispatch(block: string): void {
    let id: number | undefined;
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = Number(line.slice(3).trim());
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (id === undefined || !Number.isSafeInteger(id)) return;
    if (!data) {
      this.target.lastSeq ??= id;
      this.started?.();
      this.started = undefined;
      return;
    }
    if (this.target.lastSeq !== undefined && id <= this.target.lastSeq) return;
    this.target.lastSeq = id;
    const event = JSON.parse(data) as EventFrame['event'] & { source?: string; subject?: string };
    const [service, aggregate, name] = event.type.split('.');
    this.target.onEvent({
      op: 'event',
      id: this.target.clientRef,
      subject: `${service}.${aggregate}.${event.subject}.${name}`,
      stream: String(service).toUpperCase(),
      seq: id,
      event,
    });
  }

  private reconnectLater(): void {
    if (this.abort.signal.aborted || !this.target.reconnect) return;
    const delay = Math.min(5000, 100 * 2 ** this.attempts++);
    setTimeout(() => {
      this.open().then(
        (body) => void this.read(body),
        // A refused subscription stays refused, except for a token that may since have been refreshed;
        // a session that ended stays ended.
        (error: unknown) =>
          error instanceof OmniSignedOutError ||
          (error instanceof EventStreamRefused && error.status < 500 && error.status !== 401)
            ? undefined
            : this.reconnectLater(),
      );
    }, delay);
  }
}

export class EventStreamRefused extends Error {
  constructor(
    readonly status: number,
    readonly frame: ErrorFrame,
  ) {
    super(`the event stream was refused: ${status} ${frame.code}`);
    this.name = 'EventStreamRefused';
  }
}
