import { describe, expect, it } from "vitest";
import { basicAuthorization, secretsOf } from "../../src/client/auth.ts";
import { createLeadConduitClient } from "../../src/client/index.ts";
import { redactText } from "../../src/client/redact.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

// The oracle is Node's Buffer, independent of the TextEncoder + btoa path the client uses.
const expected = (key: string) => `Basic ${Buffer.from(`API:${key}`, "utf8").toString("base64")}`;

describe("basicAuthorization", () => {
  it.each([
    ["ASCII key", "1f1b96c9150d8050e858c043d543bb4eadae0e6f"],
    ["Latin-1 key", "clé-secrète"],
    ["non-Latin-1 key (btoa alone would throw)", "ключ-密钥-🔑"],
    ["key with a colon", "a:b:c"],
    ["long key", "k".repeat(4096)],
  ])('%s encodes as Basic base64("API:" + key) over UTF-8', (_what, key) => {
    expect(basicAuthorization(key)).toBe(expected(key));
    const decoded = Buffer.from(basicAuthorization(key).slice(6), "base64").toString("utf8");
    expect(decoded).toBe(`API:${key}`);
  });

  it("is what the client sends, on the typed methods and on raw", async () => {
    const seen: (string | null)[] = [];
    const fetch = async (input: string | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(request.headers.get("authorization"));
      return Response.json(EXAMPLE_OK);
    };
    const lc = createLeadConduitClient({ apiKey: "ключ-🔑", baseUrl: "https://api.test", fetch });
    await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
    await lc.raw.POST("/invitations/source", { body: { email: "mike.jones@example.com" } });
    expect(seen).toEqual([expected("ключ-🔑"), expected("ключ-🔑")]);
  });
});

describe("secretsOf", () => {
  it("lists every form of every key, longest first, so a form inside another is redacted whole", () => {
    const forms = secretsOf("ab", "a b");
    expect(new Set(forms)).toEqual(
      new Set([
        basicAuthorization("ab"),
        basicAuthorization("ab").slice(6),
        "ab",
        basicAuthorization("a b"),
        basicAuthorization("a b").slice(6),
        "a b",
        "a%20b",
      ]),
    );
    expect(forms.map((f) => f.length)).toEqual(forms.map((f) => f.length).sort((x, y) => y - x));
    expect(redactText(`key a b, or a%20b, or ${basicAuthorization("ab")}`, forms)).toBe(
      "key [REDACTED], or [REDACTED], or [REDACTED]",
    );
  });
});

describe("redactText", () => {
  it("removes a form of 8 characters or more wherever it occurs, even glued to other text", () => {
    expect(redactText("tokensk-live-123x and sk-live-123", ["sk-live-123"])).toBe("token[REDACTED]x and [REDACTED]");
  });

  it("removes a shorter form only where no letter or digit (of any script) touches it", () => {
    const text = 'a was "a", /a/ and a; not äa, aé, 2a or ab';
    expect(redactText(text, ["a"])).toBe(
      '[REDACTED] was "[REDACTED]", /[REDACTED]/ and [REDACTED]; not äa, aé, 2a or ab',
    );
    expect(redactText("Invalid JSON, a list: x, y", [" "])).toBe("Invalid JSON, a list: x, y");
    expect(redactText("key 'x y' in the box yard", ["x y"])).toBe("key '[REDACTED]' in the box yard");
  });

  it("leaves the text alone when no secret is given, or an empty one", () => {
    expect(redactText("a b", [])).toBe("a b");
    expect(redactText("a b", [""])).toBe("a b");
  });
});
