// The README's tables of options and errors say what the code does: every option of
// ClientOptions and RequestOptions has a row (per call exactly when RequestOptions has it) with its
// default, and every error class the package exports has a row, its status and whether it is
// retried as the client decides them. A row for something the code lacks fails too.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { inRoot } from "../../scripts/lib/paths.ts";
import { errorForStatus } from "../../src/client/errors.ts";
import * as client from "../../src/client/index.ts";
import { isRetryable } from "../../src/client/retry.ts";

const README = readFileSync(inRoot("README.md"), "utf8");

/** The rows of the README table whose header starts with `first`, as cells without backticks. */
function table(first: string): string[][] {
  const lines = README.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (start < 0) throw new Error(`the README has no table headed "${first}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    // an escaped pipe stays inside its cell
    rows.push(
      line
        .slice(1, -1)
        .replaceAll("\\|", "\u0000")
        .split("|")
        .map((c) => c.trim().replaceAll("\u0000", "|")),
    );
  }
  return rows;
}
const code = (cell: string) => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell;

/** The members of an interface of src/client/options.ts, read by the compiler. */
function members(name: string): string[] {
  const file = inRoot("src", "client", "options.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (!found) throw new Error(`no interface ${name}`);
  const inherited = name === "ClientOptions" ? members("RequestOptions").filter((m) => m !== "signal") : [];
  return [...inherited, ...found.members.map((m) => (m.name as ts.Identifier).text)];
}

describe("the README's options", () => {
  const rows = table("option");
  it("are the options of createLeadConduitClient and of a call, per call exactly where a call takes them", () => {
    const perCall = new Set(members("RequestOptions"));
    const all = new Set([...members("ClientOptions"), ...perCall]);
    expect(new Set(rows.map((r) => code(r[0]!)))).toEqual(all);
    for (const [name, , mark] of rows) expect(mark !== "", `${name} per call`).toBe(perCall.has(code(name!)));
  });

  it("give each default the client applies", async () => {
    const seen: Record<string, unknown> = {};
    const lc = client.createLeadConduitClient({
      apiKey: "k",
      fetch: async () => new Response("{}", { status: 401 }),
      onRetry: () => {},
    });
    await lc.invitations.createRecipient({ email: "a@example.com" }).catch((e: client.LeadConduitError) => {
      seen.maxRetries = (e.attempts ?? 0) - 1;
    });
    const defaults = Object.fromEntries(rows.map((r) => [code(r[0]!), code(r[1]!)]));
    expect(defaults.maxRetries).toBe("2");
    expect(seen.maxRetries, "a 401 is not retried, so one attempt").toBe(0);
    expect(defaults.timeoutMs).toBe("30000");
    expect(defaults.validateRequests).toBe("true");
    expect(defaults.validateResponses).toBe("false");
    expect(defaults.baseUrl).toContain(client.DEFAULT_BASE_URL);
  });
});

describe("the README's errors", () => {
  const rows = table("class");
  const exported = Object.entries(client).filter(
    ([, value]) =>
      typeof value === "function" &&
      value.prototype instanceof Error &&
      (value === client.LeadConduitError || value.prototype instanceof client.LeadConduitError),
  );
  it("are every error class the package exports but the base", () => {
    expect(new Set(rows.map((r) => code(r[0]!)))).toEqual(
      new Set(exported.map(([name]) => name).filter((name) => name !== "LeadConduitError")),
    );
  });

  it("name the status a class stands for, and whether it is retried, as the client decides", () => {
    for (const [name, when, retried] of rows) {
      const status = /^(\d{3})\b/.exec(when!)?.[1] ?? (/^5xx\b/.test(when!) ? "503" : undefined);
      if (status === undefined) continue;
      const error = errorForStatus({ status: Number(status) });
      expect(error.constructor.name === code(name!) || error.name === code(name!), `${name} for ${status}`).toBe(true);
      expect(isRetryable(error) ? "yes" : "no", `${name} retried`).toBe(retried);
    }
  });
});
