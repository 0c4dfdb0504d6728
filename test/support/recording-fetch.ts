// A fetch that records each request it is handed and answers from `answer`: for the client's unit
// tests where the point is what the client sends (the contract tests use real servers instead).

export interface SeenRequest {
  /** what the client handed fetch: a URL with init (typed calls) or a Request (raw, middleware) */
  given: "url" | "Request";
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function recordingFetch(answer: () => Response) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: string | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({
      given: typeof input === "string" ? "url" : "Request",
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    return answer();
  };
  return { seen, fetch };
}
