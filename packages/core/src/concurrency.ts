/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping order. The first
 * failure stops new work from starting and is rethrown once the running calls have settled.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

/**
 * A number of units (bytes held in memory) shared by concurrent work: `use(amount, fn)` runs `fn`
 * once `amount` fits in what the others hold, first come first served, and gives it back after. A
 * single amount larger than the whole budget runs when nothing else holds any (alone), so it is
 * never stuck.
 */
export class Budget {
  private held = 0;
  private readonly waiting: Array<{ amount: number; start: () => void }> = [];

  constructor(readonly limit: number) {}

  /** Units held right now (tests read it). */
  get inUse(): number {
    return this.held;
  }

  async use<T>(amount: number, fn: () => Promise<T>): Promise<T> {
    if (this.waiting.length || !this.fits(amount)) await new Promise<void>((start) => this.waiting.push({ amount, start }));
    else this.held += amount;
    try {
      return await fn();
    } finally {
      this.held -= amount;
      while (this.waiting.length && this.fits(this.waiting[0].amount)) {
        const next = this.waiting.shift()!;
        this.held += next.amount;
        next.start();
      }
    }
  }

  private fits(amount: number): boolean {
    return this.held === 0 || this.held + amount <= this.limit;
  }
}
