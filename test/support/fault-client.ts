// A client of one fault-server scenario whose waits run on vitest's fake clock (the test file
// calls vi.useFakeTimers): each backoff is skipped the moment it starts and, when the attempts
// have a time limit, it is reached the moment the server has the request. No test sleeps.
import { vi } from "vitest";
import { createLeadConduitClient, type RequestOptions, type RetryInfo } from "../../src/client/index.ts";
import type { FaultServer } from "./fault-server.ts";

let tags = 0;

export function fakeClockClient(
  server: FaultServer,
  scenario: string,
  options: RequestOptions = {},
  apiKey = "fault-key",
) {
  const path = `${scenario}~${++tags}`;
  const retries: RetryInfo[] = [];
  let waited = 0;
  const advance = (ms: number) =>
    queueMicrotask(() => {
      waited += ms;
      vi.advanceTimersByTime(ms);
    });
  const { timeoutMs } = options;
  if (timeoutMs !== undefined) server.onArrival = (arrived) => arrived === path && advance(timeoutMs);
  const lc = createLeadConduitClient({
    apiKey,
    baseUrl: `${server.url}/${path}`,
    ...options,
    onRetry: (info) => {
      retries.push(info);
      options.onRetry?.(info);
      advance(info.delayMs);
    },
  });
  const invite = (callOptions?: RequestOptions) =>
    lc.invitations.createRecipient({ email: "mike.jones@example.com" }, callOptions);
  return { lc, invite, retries, requests: () => server.count(path), waited: () => waited };
}
