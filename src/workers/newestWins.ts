/** Anything a request runs on that can be stopped at once (a worker, or a same-thread stand-in). */
export interface Terminable {
  terminate(): void;
}

/**
 * Newest request wins, for work worth killing mid-run. One request runs at a
 * time on an endpoint; a newer request (or `cancel()`) rejects the older
 * promise with the error `superseded()` makes, terminates the endpoint (a
 * worker stops at once, even inside its loops) and lets the next request spawn
 * a fresh one. An outcome that arrives after its request was superseded is
 * dropped. Terminating instead of polling a flag needs no shared memory (and
 * so no cross-origin isolation).
 */
export class NewestWins<E extends Terminable> {
  private endpoint: E | undefined;
  private pending: { id: number; reject: (e: unknown) => void } | undefined;
  private nextId = 1;

  constructor(
    private readonly spawn: () => E,
    private readonly superseded: () => Error,
  ) {}

  /** Supersedes whatever runs, then runs `call` on the (possibly fresh) endpoint. */
  run<T>(call: (endpoint: E) => Promise<T> | T): Promise<T> {
    this.cancel();
    const id = this.nextId++;
    const endpoint = (this.endpoint ??= this.spawn());
    return new Promise<T>((resolve, reject) => {
      this.pending = { id, reject };
      const settle = (fn: () => void) => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        fn();
      };
      Promise.resolve()
        .then(() => call(endpoint))
        .then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => settle(() => reject(error)),
        );
    });
  }

  /** Stops the running request, if any: its promise rejects and its endpoint is terminated. */
  cancel(): void {
    if (!this.pending) return;
    this.pending.reject(this.superseded());
    this.pending = undefined;
    this.endpoint?.terminate();
    this.endpoint = undefined;
  }

  /** Stops everything; the runner can still be used afterwards. */
  dispose(): void {
    this.cancel();
    this.endpoint?.terminate();
    this.endpoint = undefined;
  }
}
