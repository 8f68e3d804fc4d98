/**
 * Runs tasks concurrently across keys and one after another within a key, at most `limit` at once
 * (counting those waiting for their key's predecessor). `submit` returns once the task is accepted,
 * which is at once unless `limit` tasks are in hand: a producer awaiting it is held back.
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private inHand = 0;

  constructor(private readonly limit: number) {}

  async submit(key: string, task: () => Promise<void>): Promise<void> {
    while (this.inHand >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inHand++;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current: Promise<void> = previous
      .then(task)
      .catch(() => undefined) // a task settles its own failures; one must not stall its lane
      .finally(() => {
        this.inHand--;
        if (this.tails.get(key) === current) this.tails.delete(key);
        this.waiting.shift()?.();
      });
    this.tails.set(key, current);
  }

  /** Resolves when every accepted task has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
