// The consumer contract: everything about a request that breaks the spec, and the refusal Prism
// gives for it. Prism's order: a JSON body that does not parse (400), then the route (404, 405),
// then credentials (401, decided by the mock), then the content type (415), the body and path
// parameters (422, every problem listed), then the Accept header (406). Before all of them, a
// request-target that is not a URI (a "%" that starts no escape) is a bad request-line (400, RFC
// 9112 section 3): Prism exits on one in a path parameter, so the mock follows the RFC.
import { type ContractIssue, operations } from "../../generated/testing.js";
import type { OperationId } from "../../generated/validators.js";
import { type Violation, violationsOf } from "../client/violations.js";
import { successResponse } from "./documented.js";
import { accepts, essence, isJsonMedia, mediaMatches } from "./media.js";
import {
  type Answer,
  documentedOr,
  invalidContentType,
  invalidJson,
  invalidTarget,
  noMethod,
  noPath,
  notAcceptable,
  type PrismIssue,
  unprocessable,
} from "./problems.js";
import { hasMalformedEscape, matchRoute } from "./routes.js";

/** What the mock read of a request. */
export interface Received {
  method: string;
  /** the path below the base URL, matched against the spec; undefined when not below it */
  path: string | undefined;
  /** the path as sent, for Prism's messages */
  fullPath: string;
  /** the query as sent, with its "?" ("" when none) */
  query: string;
  contentType: string | null;
  accept: string | null;
  text: string;
}

export interface Inspection {
  /** the path below the base URL; undefined when not below it */
  path: string | undefined;
  operationId: OperationId | undefined;
  pathParams: Record<string, string>;
  /** the body as Prism reads it: parsed JSON, the text, or null when empty */
  body: unknown;
  violations: Violation[];
  /** answered whatever the credentials */
  before: Answer | undefined;
  /** answered to a request with valid credentials */
  after: Answer | undefined;
}

/**
 * How a message quotes what the request carried (its path, method, headers, property names):
 * with every secret it carried redacted. The mock's own words are never touched, so a short key
 * ("a") cannot mangle them; only what came from the request can carry a key.
 */
export type Quote = (carried: string) => string;

/** Ajv's findings with the parts taken from the request (where in the body, an extra property's name) quoted. */
function quotedIssues(issues: readonly ContractIssue[], quote: Quote): ContractIssue[] {
  return issues.map((issue) => {
    const { params } = issue;
    const extra =
      "additionalProperty" in params ? { additionalProperty: quote(String(params.additionalProperty)) } : {};
    return { ...issue, instancePath: quote(issue.instancePath), params: { ...params, ...extra } };
  });
}

/** Prism's wording of an Ajv finding about the request's `body` or `path`. */
function prismIssue(issue: ContractIssue, prefix: "body" | "path" | "query", param?: string): PrismIssue {
  const segments = [...(param === undefined ? [] : [param]), ...issue.instancePath.split("/").filter(Boolean)];
  const { params } = issue;
  const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(", ")}` : "";
  const extra = "additionalProperty" in params ? `; found '${String(params.additionalProperty)}'` : "";
  const kind = segments.length ? (prefix === "body" ? "property " : "parameter ") : "";
  const where = `Request ${prefix} ${kind}${segments.join(".")}${segments.length ? " " : ""}`;
  return {
    location: [prefix, ...segments],
    severity: "Error",
    code: issue.keyword,
    message: `${where}${issue.message ?? ""}${allowed}${extra}`,
  };
}

interface Findings {
  violations: Violation[];
  issues: PrismIssue[];
  /** the 415 detail, when the content type is refused */
  unsupported?: string;
}

function checkBody(operationId: OperationId, body: unknown, received: Received, quote: Quote): Findings {
  const spec = operations[operationId].body;
  if (spec?.required && !body) {
    return {
      violations: [{ path: "body", message: "is required", keyword: "required" }],
      issues: [{ severity: "Error", code: "required", message: "Body parameter is required" }],
    };
  }
  if (received.text !== "") {
    const media = essence(received.contentType);
    // a Content-Type that is there but names no media type is not the spec's either (Prism answers 500)
    const unreadable = media === undefined && (received.contentType ?? "").trim() !== "";
    const unsupported = !spec
      ? "No supported content types, but request included a non-empty body"
      : unreadable || (media !== undefined && !mediaMatches(media, spec.contentType))
        ? `Supported content types: ${spec.contentType}`
        : undefined;
    if (unsupported) {
      const message = !spec
        ? "the operation takes no body, but one was sent"
        : unreadable
          ? `${quote(JSON.stringify(received.contentType))} is not a media type`
          : `${quote(media!)} is not ${spec.contentType}`;
      return { violations: [{ path: "headers/content-type", message }], issues: [], unsupported };
    }
  }
  if (!spec || body === null || spec.validate(body)) return { violations: [], issues: [] };
  const errors = quotedIssues(spec.validate.errors ?? [], quote);
  return { violations: violationsOf(errors, "body"), issues: errors.map((e) => prismIssue(e, "body")) };
}

/** A required parameter that was not sent, as a violation and as Prism words its issue. */
function missing(findings: Findings, location: "path" | "query", name: string): void {
  const message = `must have required property '${name}'`;
  findings.violations.push({ path: `${location}/${name}`, message, keyword: "required" });
  findings.issues.push({
    location: [location],
    severity: "Error",
    code: "required",
    message: `Request ${location} ${message}`,
  });
}

function checkPathParams(operationId: OperationId, pathParams: Record<string, string>): Findings {
  const findings: Findings = { violations: [], issues: [] };
  for (const [name, validate] of Object.entries(operations[operationId].pathParams)) {
    const value = pathParams[name] ?? "";
    if (value === "") {
      missing(findings, "path", name);
    } else if (!validate(value)) {
      const errors = validate.errors ?? [];
      findings.violations.push(...violationsOf(errors, `path/${name}`));
      findings.issues.push(...errors.map((e) => prismIssue(e, "path", name)));
    }
  }
  return findings;
}

/**
 * A query value as Prism reads it for its schema: the string, else the number or boolean it
 * spells when the schema wants one; several values of one name are an array.
 */
function queryValue(values: string[], validate: (value: unknown) => boolean): unknown {
  const candidates = (text: string): unknown[] => {
    const parsed =
      text === "true"
        ? true
        : text === "false"
          ? false
          : text.trim() !== "" && !Number.isNaN(Number(text))
            ? Number(text)
            : undefined;
    return parsed === undefined ? [text] : [text, parsed];
  };
  if (values.length > 1) return values;
  return candidates(values[0]!).find((value) => validate(value)) ?? values[0];
}

/** The query parameters the operation declares: each required one sent, each value valid. */
function checkQuery(operationId: OperationId, query: string, quote: Quote): Findings {
  const findings: Findings = { violations: [], issues: [] };
  const sent = new URLSearchParams(query);
  for (const [name, param] of Object.entries(operations[operationId].queryParams)) {
    const values = sent.getAll(name);
    if (values.length === 0) {
      if (param.required) missing(findings, "query", name);
      continue;
    }
    const value = queryValue(values, param.validate);
    if (param.validate(value)) continue;
    const errors = quotedIssues(param.validate.errors ?? [], quote);
    findings.violations.push(...violationsOf(errors, `query/${name}`));
    findings.issues.push(...errors.map((e) => prismIssue(e, "query", name)));
  }
  return findings;
}

/**
 * The body as Prism's server reads it: JSON by media type, else text; null when empty. JSON
 * after a byte order mark is refused as Prism refuses it: a sender must not add one (RFC 8259,
 * section 8.1), so an app that does has a bug the mock should show.
 */
function readBody(received: Received): { body: unknown; invalid?: string } {
  if (received.text === "") return { body: null };
  if (!isJsonMedia(essence(received.contentType))) return { body: received.text };
  if (received.text.startsWith("\uFEFF"))
    return { body: received.text, invalid: "is not valid JSON: it starts with a byte order mark (U+FEFF)" };
  try {
    return { body: JSON.parse(received.text) };
  } catch {
    return { body: received.text, invalid: "is not valid JSON" };
  }
}

function checkOperation(
  route: { operationId: OperationId; pathParams: Record<string, string> },
  received: Received,
  read: { body: unknown; invalid?: string },
  quote: Quote,
) {
  const { operationId } = route;
  const fromBody: Findings =
    read.invalid === undefined ? checkBody(operationId, read.body, received, quote) : { violations: [], issues: [] };
  const fromPath = checkPathParams(operationId, route.pathParams);
  const fromQuery = checkQuery(operationId, received.query, quote);
  const violations = [...fromBody.violations, ...fromPath.violations, ...fromQuery.violations];
  const issues = [...fromBody.issues, ...fromPath.issues, ...fromQuery.issues];
  const media = successResponse(operationId)?.contentType;
  const acceptable = media === undefined || accepts(received.accept, media);
  const accept = quote(received.accept ?? "");
  if (!acceptable) violations.push({ path: "headers/accept", message: `${accept} does not admit ${media}` });
  const after = fromBody.unsupported
    ? documentedOr(operationId, [415, 422, 400], invalidContentType(fromBody.unsupported))
    : issues.length
      ? documentedOr(operationId, [422, 400], unprocessable(issues))
      : acceptable
        ? undefined
        : notAcceptable(accept);
  return { violations, after };
}

/** A request no operation of the spec takes: answered before anything else is looked at. */
function unrouted(received: Received, body: unknown, violations: Violation[], before: Answer): Inspection {
  return { path: received.path, operationId: undefined, pathParams: {}, body, violations, before, after: undefined };
}

/**
 * Everything about a request that breaks the spec, and the answer it gets. `quote` is applied to
 * every part of the request a message or refusal repeats (the mock redacts the secrets there).
 */
export function inspect(received: Received, quote: Quote = (carried) => carried): Inspection {
  const read = readBody(received);
  const { body, invalid } = read;
  if (hasMalformedEscape(`${received.fullPath}${received.query}`)) {
    const message = "the request-target has a percent sign that is not followed by two hexadecimal digits";
    return unrouted(received, body, [{ path: "url", message }], invalidTarget());
  }
  const violations: Violation[] = invalid ? [{ path: "body", message: invalid }] : [];
  const before = invalid ? invalidJson() : undefined;
  const route =
    received.path === undefined ? ({ kind: "no-path" } as const) : matchRoute(received.method, received.path);
  // what a refusal repeats of the request, redacted; a routed request repeats none of it
  const fullPath = () => quote(received.fullPath);
  if (route.kind === "no-path") {
    const message =
      received.path === undefined
        ? `${fullPath()} is not below the base URL`
        : `no operation of the spec has the path ${quote(received.path)}`;
    violations.push({ path: "url", message });
    return unrouted(received, body, violations, before ?? noPath(fullPath()));
  }
  if (route.kind === "no-method") {
    const method = quote(received.method);
    violations.push({
      path: "method",
      message: `${method} is not a method of ${quote(received.path ?? "")} in the spec`,
    });
    return unrouted(received, body, violations, before ?? noMethod(fullPath(), method));
  }
  const checked = checkOperation(route, received, read, quote);
  const all = [...violations, ...checked.violations];
  const { operationId, pathParams } = route;
  return { path: received.path, operationId, pathParams, body, violations: all, before, after: checked.after };
}
