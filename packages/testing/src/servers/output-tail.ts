/** The last lines a server printed, kept to explain a failed start without flooding the terminal. */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly limit = 15) {}

  add(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }

  /** The kept lines as an indented block, or '' when there are none. */
  summary(): string {
    return this.lines.length ? `\n  ${this.lines.join('\n  ')}` : '';
  }
}
