import WebSocket from 'ws';
import { OmniSignedOutError } from './errors.js';
import {
  type AccessTokenSource,
  type ConnectionTokens,
  connectionTokens,
  connectWithFreshToken,
} from './session.js';
import { EventStreamRefused, SseSubscription } from './sse.js';

export interface EventFrame<E = Record<string, unknown>> {
  readonly op: 'event';
  readonly id: string;
  readonly subject: string;
  readonly stream: string;
  readonly seq: number;
  readonly event: E & { id: string; type: string; data: Record<string, unknown> };
}

export interface ErrorFrame {
  readonly op: 'error';
  readonly id?: string;
  readonly code: 'bad_request' | 'forbidden' | 'not_found' | 'too_many_subscriptions' | string;
  readonly message: string;
}

export interface RealtimeOptions {
  /** Gateway origin, e.g. `http://localhost:8080`. */
  readonly baseUrl: string;
  /**
   * The signed-in client whose session the connection shares (the usual choice): its access token at
   * every (re)connect, a refresh (the client's single one in flight) when the gateway refuses the
   * token as expired, and the end of every subscription when the client signs out.
   */
  readonly client?: AccessTokenSource;
  /** Without a client: called at every (re)connect, so a token refreshed elsewhere is used. */
  readonly accessToken?: () => string | Promise<string>;
  /** Reconnect after a drop (including 4008 slow consumer); default true. */
  readonly reconnect?: boolean;
  /**
   * `websocket`, `sse` (Server-Sent Events, one HTTP stream per subscription) or `auto` (default):
   * WebSocket, and Server-Sent Events from the first time the socket cannot connect.
   */
  readonly transport?: 'auto' | 'websocket' | 'sse';
  readonly onError?: (frame: ErrorFrame) => void;
  readonly onStateChange?: (
    state: 'connecting' | 'open' | 'closed',
    detail?: { code: number; reason: string },
  ) => void;
}

export interface RealtimeSubscription {
  readonly id: string;
  /** The highest stream sequence received; a resubscription resumes after it. */
  readonly lastSeq: number | undefined;
  unsubscribe(): void;
}

interface Entry {
  readonly id: string;
  readonly subject: string;
  lastSeq: number | undefined;
  readonly onEvent: (frame: EventFrame) => void;
  /** Settles the first `subscribe()` call once the server confirmed or refused it. */
  confirmed?: { resolve(): void; reject(error: Error): void };
}

/** A subscription the server refused (`forbidden`, `bad_request`, …). */
export class SubscriptionRefusedError extends Error {
  constructor(readonly frame: ErrorFrame) {
    super(`subscription refused: ${frame.code}: ${frame.message}`);
    this.name = 'SubscriptionRefusedError';
  }
}

/**
 * The WebSocket side of the API (CONTRACT §7) with automatic reconnect: after any drop it
 * reconnects with backoff and resubscribes every subscription with `since` = the last sequence it
 * saw, so nothing is missed and nothing is seen twice.
 */
export class OmniRealtime {
  private socket: WebSocket | undefined;
  private readonly entries = new Map<string, Entry>();
  private nextId = 1;
  private attempts = 0;
  private stopped = false;
  private opened: Promise<void> | undefined;
  private useSse: boolean;
  private readonly sseStreams = new Map<string, SseSubscription>();
  private readonly tokens: ConnectionTokens;
  private readonly stopListening: () => void;

  constructor(private readonly options: RealtimeOptions) {
    this.useSse = options.transport === 'sse';
    this.tokens = connectionTokens(options.client, options.accessToken);
    this.stopListening = options.client?.onSignedOut((error) => this.signedOut(error)) ?? (() => {});
  }

  /** Which transport carries the subscriptions now. */
  get transport(): 'websocket' | 'sse' {
    return this.useSse ? 'sse' : 'websocket';
  }

  /** Opens the socket (subscribe does it too); rejects when the upgrade is refused. */
  connect(): Promise<void> {
    this.opened ??= this.open();
    return this.opened;
  }

  /**
   * Resolves once the gateway has the subscription (its `subscribed` frame): every event committed
   * after that reaches `onEvent`. Rejects with a SubscriptionRefusedError when the gateway refuses it.
   */
  async subscribe(
    subject: string,
    onEvent: (frame: EventFrame) => void,
    { since }: { since?: number } = {},
  ): Promise<RealtimeSubscription> {
    const entry: Entry = { id: `s${this.nextId++}`, subject, lastSeq: since, onEvent };
    this.entries.set(entry.id, entry);
    if (await this.overSse()) await this.subscribeOverSse(entry);
    else {
      const confirmed = new Promise<void>((resolve, reject) => (entry.confirmed = { resolve, reject }));
      await this.connect();
      this.sendSubscribe(entry);
      await confirmed;
    }
    return {
      id: entry.id,
      get lastSeq() {
        return entry.lastSeq;
      },
      unsubscribe: () => {
        this.entries.delete(entry.id);
        this.sseStreams.get(entry.id)?.close();
        this.sseStreams.delete(entry.id);
        this.send({ op: 'unsubscribe', id: entry.id });
      },
    };
  }

  close(): void {
    this.stopped = true;
    this.stopListening();
    this.socket?.close(1000, 'client closed');
    for (const stream of this.sseStreams.values()) stream.close();
    this.sseStreams.clear();
  }

  /** The client's session ended: nothing can be received any more, and waiting subscribes fail. */
  private signedOut(error: OmniSignedOutError): void {
    for (const entry of this.entries.values()) entry.confirmed?.reject(error);
    this.entries.clear();
    this.close();
    this.options.onStateChange?.('closed', { code: 1000, reason: 'signed out' });
  }

  private async overSse(): Promise<boolean> {
    if (this.useSse || this.options.transport === 'websocket') return this.useSse;
    try {
      await this.connect();
    } catch (error) {
      if (error instanceof OmniSignedOutError) throw error;
      this.opened = undefined;
      this.useSse = true; // a proxy or network that refuses WebSocket: fall back for good
    }
    return this.useSse;
  }

  private async subscribeOverSse(entry: Entry): Promise<void> {
    const stream = new SseSubscription({
      baseUrl: this.options.baseUrl,
      tokens: this.tokens,
      subject: entry.subject,
      clientRef: entry.id,
      reconnect: this.options.reconnect !== false,
      ...(this.options.onError ? { onError: this.options.onError } : {}),
      onEvent: entry.onEvent,
      get lastSeq() {
        return entry.lastSeq;
      },
      set lastSeq(seq) {
        entry.lastSeq = seq;
      },
    });
    this.sseStreams.set(entry.id, stream);
    try {
      await stream.start(); // like a WebSocket subscription: settled by the server's confirmation
    } catch (error) {
      this.entries.delete(entry.id);
      this.sseStreams.delete(entry.id);
      throw error instanceof EventStreamRefused ? new SubscriptionRefusedError(error.frame) : error;
    }
  }

  private async open(): Promise<void> {
    this.options.onStateChange?.('connecting');
    // The gateway checks the token only at the upgrade: one that expired meanwhile is refused (401) on
    // the next reconnect, and renewed here.
    const socket = await connectWithFreshToken(
      this.tokens,
      (token) => this.upgrade(token),
      (error) => error instanceof UpgradeRefused && error.status === 401,
    );
    this.socket = socket;
    this.attempts = 0;
    this.options.onStateChange?.('open');
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', (code, reason) => this.dropped(code, reason.toString()));
  }

  private async upgrade(token: string): Promise<WebSocket> {
    const url = new URL('/ws', this.options.baseUrl.replace(/^http/, 'ws'));
    url.searchParams.set('access_token', token);
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (request, response) => {
        reject(new UpgradeRefused(response.statusCode ?? 0));
        request.destroy();
      });
      socket.once('error', reject);
    });
    return socket;
  }

  private receive(raw: string): void {
    const frame = JSON.parse(raw) as EventFrame | ErrorFrame | { op: string };
    if (frame.op === 'event') {
      const event = frame as EventFrame;
      const entry = this.entries.get(event.id);
      if (!entry || (entry.lastSeq !== undefined && event.seq <= entry.lastSeq)) return;
      entry.lastSeq = event.seq;
      entry.onEvent(event);
    } else if (frame.op === 'subscribed') {
      // From here on the subscription has a position to resume from, even before its first event.
      const subscribed = frame as unknown as { id: string; lastSeq: number };
      const entry = this.entries.get(subscribed.id);
      if (entry && entry.lastSeq === undefined) entry.lastSeq = subscribed.lastSeq;
      entry?.confirmed?.resolve();
    } else if (frame.op === 'error') {
      const error = frame as ErrorFrame;
      this.options.onError?.(error);
      const entry = error.id === undefined ? undefined : this.entries.get(error.id);
      if (entry?.confirmed) {
        this.entries.delete(entry.id); // refused: nothing to resubscribe after a reconnect
        entry.confirmed.reject(new SubscriptionRefusedError(error));
      }
    }
  }

  private dropped(code: number, reason: string): void {
    this.options.onStateChange?.('closed', { code, reason });
    this.opened = undefined;
    if (this.stopped || this.options.reconnect === false) return;
    const delay = Math.min(5000, 100 * 2 ** this.attempts++);
    setTimeout(() => {
      this.connect().then(
        () => this.entries.forEach((entry) => this.sendSubscribe(entry)),
        (error: unknown) => {
          if (!(error instanceof OmniSignedOutError)) this.dropped(1006, 'reconnect failed');
        },
      );
    }, delay);
  }

  private sendSubscribe(entry: Entry): void {
    this.send({
      op: 'subscribe',
      id: entry.id,
      subject: entry.subject,
      ...(entry.lastSeq === undefined ? {} : { since: entry.lastSeq }),
    });
  }

  private send(frame: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}

/** The gateway answered the WebSocket upgrade with an HTTP status instead (401: the token was refused). */
class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`WebSocket upgrade refused: ${status}`);
    this.name = 'UpgradeRefused';
  }
}
