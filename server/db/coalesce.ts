// Requests that arrive together share one database statement. The first item goes at once (nothing waits
// for a timer); items arriving while a statement is in flight wait and go together in the next one. Under a
// burst, the cost of a statement (a round trip, a lock wait, a commit, PGlite's per-query work) is paid once
// per batch instead of once per request; alone, a request is answered as soon as it would have been.
type Waiting<I, R> = { item: I; resolve: (result: R) => void; reject: (error: unknown) => void };

export class Coalescer<I, R> {
  private waiting: Waiting<I, R>[] = [];
  private running = false;

  /**
   * `run` answers a batch of items with one result per item, in the same order; when it throws, every item
   * of the batch gets the error.
   */
  constructor(
    private readonly run: (items: I[]) => Promise<R[]>,
    private readonly maxBatch = 100,
    private readonly onIdle: () => void = () => {},
  ) {}

  submit(item: I): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await this.run(batch.map((w) => w.item));
          if (results.length !== batch.length)
            throw new Error(`a batch of ${batch.length} got ${results.length} results`);
          batch.forEach((waiting, i) => waiting.resolve(results[i]!));
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.running = false;
      this.onIdle();
    }
  }
}
