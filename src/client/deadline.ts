// The time limit of one attempt. Its signal goes to fetch so a timeout or the caller's abort
// frees the socket; `race` also ends the attempt when the fetch in use ignores its signal.
// Made on every attempt, so made cheaply: an AbortController's signal (AbortSignal.timeout and
// AbortSignal.any cost more, see docs/performance.md), and an object of plain functions (a getter
// in it cost 2-4 µs an attempt in V8, up to a tenth of a call on a stub fetch).

export interface Deadline {
  /** Aborted when the attempt times out or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Settles with `work`, or rejects as soon as the deadline passes or the caller aborts. */
  race<T>(work: Promise<T>): Promise<T>;
  /** True once the time limit (not the caller) ended the attempt. */
  timedOut(): boolean;
  /** Clears the timer and the listener; call when the attempt is over. */
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  // set by race(); until then a stop is remembered, so a race that starts late still loses
  let stop: ((reason: unknown) => void) | undefined;
  let stoppedWith: { reason: unknown } | undefined;
  const end = (reason: unknown) => {
    controller.abort();
    if (stop) stop(reason);
    else stoppedWith = { reason };
  };
  const timer = setTimeout(() => {
    timedOut = true;
    end(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => end(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    // one promise that settles with `work` or rejects at the stop (cheaper than Promise.race
    // over a second promise, on every attempt)
    race: (work) =>
      new Promise((resolve, reject) => {
        // attached first, so a rejection of `work` after the stop is handled, never unhandled
        work.then(resolve, reject);
        if (stoppedWith) reject(stoppedWith.reason);
        else stop = reject;
      }),
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    },
  };
}
