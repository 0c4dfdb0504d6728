// The readings the target table's families are written with: each as the RFC (or Prism's
// source) says, on requests either side of the line it draws.
import { describe, expect, it } from "vitest";
import {
  acceptsJson,
  basicAsRfc,
  charsetOf,
  hasEncodedUnreserved,
  hasLooseRange,
  hasMalformedEscape,
  hasPrismQueryControl,
  hasRangeParameter,
  hasUndecodableEscape,
  headerOf,
  isCorsPreflight,
  pathOf,
  prismErrorsAsJson,
  prismReadsMediaType,
  prismTakesBasic,
  prismUnreadableAccept,
  startsWithBom,
  withoutCharset,
  withoutQuery,
  withUnreservedDecoded,
} from "../../contract-tests/lib/request-facts.ts";
import type { WireRequest } from "../../contract-tests/lib/wire.ts";

const request = (target: string, headers: [string, string][] = [], body = new Uint8Array()): WireRequest => ({
  method: "POST",
  target,
  headers,
  body,
});
const KEY = "the-key";
const basic = (userPass: string | Buffer, encoding: BufferEncoding = "base64") =>
  request("/", [["authorization", `Basic ${Buffer.from(userPass).toString(encoding)}`]]);

describe("the request-target", () => {
  it("reads header values without surrounding whitespace (RFC 9110, 5.5)", () => {
    expect(headerOf(request("/", [["accept", " \ttext/html \t"]]), "accept")).toBe("text/html");
    expect(headerOf(request("/"), "accept")).toBeUndefined();
  });

  it("reads the path as both targets parse it: dot segments removed, a leading // kept", () => {
    expect(pathOf(request("/a/./b/../c?x=1"))).toBe("/a/c");
    expect(pathOf(request("//invitations/recipient"))).toBe("//invitations/recipient");
  });

  it.each([
    ["/invitations/recip%ZZient", true],
    ["/invitations/recipient%", true],
    ["/invitations/recipient?q=%4", true],
    ["/invitations/%4a", false],
    ["/%zz/../invitations", false], // the dot segment removes it before either target looks
  ])("a malformed escape in %s: %s (RFC 3986, 2.1)", (target, expected) => {
    expect(hasMalformedEscape(request(target))).toBe(expected);
  });

  it("tells escapes that are not UTF-8 from well-formed ones, and unreserved ones from reserved ones", () => {
    expect(hasUndecodableEscape(request("/invitations/%C3/resend"))).toBe(true);
    expect(hasUndecodableEscape(request("/invitations/%C3%A9/resend"))).toBe(false);
    expect(hasEncodedUnreserved(request("/invit%61tions/recipient"))).toBe(true);
    expect(hasEncodedUnreserved(request("/invitations%2Frecipient"))).toBe(false);
    expect(withUnreservedDecoded(request("/invit%61tions%2F%7e")).target).toBe("/invitations%2F~");
  });

  it("finds Prism's query controls, __server always, the others only without a Prefer header", () => {
    expect(hasPrismQueryControl(request("/x?__code=401"))).toBe(true);
    expect(hasPrismQueryControl(request("/x?__code=401", [["prefer", "code=200"]]))).toBe(false);
    expect(hasPrismQueryControl(request("/x?__server=http://a", [["prefer", "code=200"]]))).toBe(true);
    expect(hasPrismQueryControl(request("/x?code=401"))).toBe(false);
    expect(withoutQuery(request("/x?__code=401")).target).toBe("/x");
  });

  it("knows a CORS preflight by its method and both headers", () => {
    const headers: [string, string][] = [
      ["origin", "https://a.example"],
      ["access-control-request-method", "POST"],
    ];
    expect(isCorsPreflight({ ...request("/", headers), method: "OPTIONS" })).toBe(true);
    expect(isCorsPreflight({ ...request("/", headers.slice(0, 1)), method: "OPTIONS" })).toBe(false);
    expect(isCorsPreflight(request("/", headers))).toBe(false);
  });
});

describe("media types", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ['application/json; charset="utf-8"', true],
    ["a/b; x = y", true],
    ["application/json;", false], // RFC 9110 allows it; RFC 7231, which Prism's parser follows, does not
    ["application/json x", false],
    ["application/", false],
    ["; charset=utf-8", false],
    ["*", false],
  ])("Prism reads %j: %s", (value, expected) => {
    expect(prismReadsMediaType(value)).toBe(expected);
  });

  it("reads the charset parameter, quoted or not, in any case; removes it only from a media type", () => {
    expect(charsetOf('application/json; Charset="UTF-16LE"')).toBe("utf-16le");
    expect(charsetOf("application/json")).toBeUndefined();
    const ct = (value: string) => request("/", [["content-type", value]]);
    expect(withoutCharset(ct("application/json; charset=latin1; v=1"))!.headers).toEqual([
      ["content-type", "application/json; v=1"],
    ]);
    expect(withoutCharset(ct("; charset=utf-8"))).toBeUndefined();
  });

  it("sees a UTF-8 byte order mark", () => {
    expect(startsWithBom(request("/", [], new Uint8Array([0xef, 0xbb, 0xbf, 0x7b])))).toBe(true);
    expect(startsWithBom(request("/", [], new Uint8Array([0x7b])))).toBe(false);
  });
});

describe("Accept", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["application/json", true],
    ["text/html, */*;q=0.1", true],
    ["*/*;q=0, application/json", true],
    ["application/json;q=0, */*", false], // the most specific range decides (RFC 9110, 12.5.1)
    ["application/*;q=0, application/json;q=0.001", true],
    ["*/json", false], // not a media range
    ["application/json;q=2", false], // not a weight (12.4.2)
    ["*", false],
  ])("%j admits JSON: %s", (accept, expected) => {
    expect(acceptsJson(accept)).toBe(expected);
  });

  it("finds the elements Prism reads its own way", () => {
    expect(prismUnreadableAccept("text/html, foo")).toBe(true);
    expect(prismUnreadableAccept("application/json;q=")).toBe(true);
    expect(prismUnreadableAccept("text/html, */*;q=0")).toBe(false);
    expect(prismUnreadableAccept("")).toBe(false);
    expect(hasLooseRange("*/json")).toBe(true);
    expect(hasLooseRange("application/json;q=1.5")).toBe(true);
    expect(hasLooseRange("*/*;q=1, text/*")).toBe(false);
    expect(hasRangeParameter("application/*;level=1, application/json;q=0")).toBe(true);
    expect(hasRangeParameter("application/json;q=0 ; , */*")).toBe(false);
  });

  it("knows when Prism's HTTP layer writes its errors as JSON", () => {
    for (const accept of [undefined, "application/json", "*/*", "*/*;q=0.5", "text/html, */*", "*"])
      expect(prismErrorsAsJson(accept), String(accept)).toBe(true);
    for (const accept of ["text/html", "application/json;q=1", "application/*"])
      expect(prismErrorsAsJson(accept), accept).toBe(false);
  });
});

describe("Basic credentials", () => {
  it("reads them as RFC 7617 does: base64 of user-pass, the password UTF-8", () => {
    expect(basicAsRfc(basic(`API:${KEY}`), KEY)).toBe("key");
    expect(basicAsRfc(basic(`someone:${KEY}`), KEY)).toBe("key");
    expect(basicAsRfc(basic("API:other"), KEY)).toBe("other password");
    expect(basicAsRfc(basic("API:"), KEY)).toBe("other password");
    expect(basicAsRfc(request("/", [["authorization", `Basic    ${btoa(`API:${KEY}`)}`]]), KEY)).toBe("key");
    expect(basicAsRfc(request("/"), KEY)).toBe("none");
  });

  it.each([
    ["base64url", basic(`???:${KEY}`, "base64url")],
    ["no colon", basic(KEY)],
    ["a password that is not UTF-8", basic(Buffer.from([0x41, 0x3a, 0xff]))],
    ["a stray character", request("/", [["authorization", `Basic Q.VBJ${btoa(`:${KEY}`)}`]])],
    ["a tab after the scheme", request("/", [["authorization", `Basic\t${btoa(`API:${KEY}`)}`]])],
    ["another scheme", request("/", [["authorization", `Bearer ${KEY}`]])],
  ])("finds %s malformed", (_name, r) => {
    expect(basicAsRfc(r, KEY)).toBe("malformed");
  });

  it("reads them as Prism does: one space, a token Node's base64 decodes to one colon, whatever the key", () => {
    expect(prismTakesBasic(basic("API:anything"))).toBe(true);
    expect(prismTakesBasic(basic(`???:${KEY}`, "base64url"))).toBe(true);
    expect(prismTakesBasic(basic("API:a:b"))).toBe(false);
    expect(prismTakesBasic(request("/", [["authorization", `Basic  ${btoa("API:x")}`]]))).toBe(false);
    expect(prismTakesBasic(request("/"))).toBe(false);
  });
});
