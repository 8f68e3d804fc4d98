import WebSocket from 'ws';

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
  /** Called at every (re)connect, so a refreshed token is used. */
  readonly accessToken: () => string | Promise<string>;
  /** Reconnect after a drop (including 4008 slow consumer); default true. */
  readonly reconnect?: boolean;
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

  constructor(private readonly options: RealtimeOptions) {}

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
    const confirmed = new Promise<void>((resolve, reject) => (entry.confirmed = { resolve, reject }));
    await this.connect();
    this.sendSubscribe(entry);
    await confirmed;
    return {
      id: entry.id,
      get lastSeq() {
        return entry.lastSeq;
      },
      unsubscribe: () => {
        this.entries.delete(entry.id);
        this.send({ op: 'unsubscribe', id: entry.id });
      },
    };
  }

  close(): void {
    this.stopped = true;
    this.socket?.close(1000, 'client closed');
  }

  private async open(): Promise<void> {
    this.options.onStateChange?.('connecting');
    const token = await this.options.accessToken();
    const url = new URL('/ws', this.options.baseUrl.replace(/^http/, 'ws'));
    url.searchParams.set('access_token', token);
    const socket = new WebSocket(url);
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`WebSocket upgrade refused: ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
    this.attempts = 0;
    this.options.onStateChange?.('open');
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', (code, reason) => this.dropped(code, reason.toString()));
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
        () => this.dropped(1006, 'reconnect failed'),
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
