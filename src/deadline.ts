// The time limit of one attempt. Its signal goes to fetch so a timeout or the caller's abort
// frees the socket; `race` also ends the attempt when the fetch in use ignores its signal.

export interface Deadline {
  /** Aborted when the attempt times out or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Settles with `work`, or rejects as soon as the deadline passes or the caller aborts. */
  race<T>(work: Promise<T>): Promise<T>;
  /** True once the time limit (not the caller) ended the attempt. */
  readonly timedOut: boolean;
  /** Clears the timer and the listener; call when the attempt is over. */
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let stop!: (reason: unknown) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    stop(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => {
    controller.abort();
    stop(callerSignal?.reason);
  };
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, stopped]),
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    },
  };
}
