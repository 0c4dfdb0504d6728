// The consumer contract: everything about a request that breaks the spec, and the refusal Prism
// gives for it. Prism's order: a JSON body that does not parse (400), then the route (404, 405),
// then credentials (401, decided by the mock), then the content type (415), the body and path
// parameters (422, every problem listed), then the Accept header (406).
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
  noMethod,
  noPath,
  notAcceptable,
  type PrismIssue,
  unprocessable,
} from "./problems.js";
import { matchRoute } from "./routes.js";

/** What the mock read of a request. */
export interface Received {
  method: string;
  /** the path below the base URL, matched against the spec; undefined when not below it */
  path: string | undefined;
  /** the path as sent, for Prism's messages */
  fullPath: string;
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

/** Prism's wording of an Ajv finding about the request's `body` or `path`. */
function prismIssue(issue: ContractIssue, prefix: "body" | "path", param?: string): PrismIssue {
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

function checkBody(operationId: OperationId, body: unknown, received: Received): Findings {
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
          ? `${JSON.stringify(received.contentType)} is not a media type`
          : `${media} is not ${spec.contentType}`;
      return { violations: [{ path: "headers/content-type", message }], issues: [], unsupported };
    }
  }
  if (!spec || body === null || spec.validate(body)) return { violations: [], issues: [] };
  const errors = spec.validate.errors ?? [];
  return { violations: violationsOf(errors, "body"), issues: errors.map((e) => prismIssue(e, "body")) };
}

function checkPathParams(operationId: OperationId, pathParams: Record<string, string>): Findings {
  const findings: Findings = { violations: [], issues: [] };
  for (const [name, validate] of Object.entries(operations[operationId].pathParams)) {
    const value = pathParams[name] ?? "";
    if (value === "") {
      const message = `must have required property '${name}'`;
      findings.violations.push({ path: `path/${name}`, message, keyword: "required" });
      findings.issues.push({
        location: ["path"],
        severity: "Error",
        code: "required",
        message: `Request path ${message}`,
      });
    } else if (!validate(value)) {
      const errors = validate.errors ?? [];
      findings.violations.push(...violationsOf(errors, `path/${name}`));
      findings.issues.push(...errors.map((e) => prismIssue(e, "path", name)));
    }
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
  operationId: OperationId,
  pathParams: Record<string, string>,
  received: Received,
  invalid: boolean,
  body: unknown,
) {
  const fromBody: Findings = invalid ? { violations: [], issues: [] } : checkBody(operationId, body, received);
  const fromPath = checkPathParams(operationId, pathParams);
  const violations = [...fromBody.violations, ...fromPath.violations];
  const issues = [...fromBody.issues, ...fromPath.issues];
  const media = successResponse(operationId)?.contentType;
  const acceptable = media === undefined || accepts(received.accept, media);
  if (!acceptable) violations.push({ path: "headers/accept", message: `${received.accept} does not admit ${media}` });
  const after = fromBody.unsupported
    ? documentedOr(operationId, [415, 422, 400], invalidContentType(fromBody.unsupported))
    : issues.length
      ? documentedOr(operationId, [422, 400], unprocessable(issues))
      : acceptable
        ? undefined
        : notAcceptable(received.accept ?? "");
  return { violations, after };
}

/** A request no operation of the spec takes: answered before anything else is looked at. */
function unrouted(received: Received, body: unknown, violations: Violation[], before: Answer): Inspection {
  return { path: received.path, operationId: undefined, pathParams: {}, body, violations, before, after: undefined };
}

export function inspect(received: Received): Inspection {
  const { body, invalid } = readBody(received);
  const violations: Violation[] = invalid ? [{ path: "body", message: invalid }] : [];
  const before = invalid ? invalidJson() : undefined;
  const route =
    received.path === undefined ? ({ kind: "no-path" } as const) : matchRoute(received.method, received.path);
  if (route.kind === "no-path") {
    const message =
      received.path === undefined
        ? `${received.fullPath} is not below the base URL`
        : `no operation of the spec has the path ${received.path}`;
    violations.push({ path: "url", message });
    return unrouted(received, body, violations, before ?? noPath(received.fullPath));
  }
  if (route.kind === "no-method") {
    violations.push({ path: "method", message: `${received.method} is not a method of ${received.path} in the spec` });
    return unrouted(received, body, violations, before ?? noMethod(received.fullPath, received.method));
  }
  const { operationId, pathParams } = route;
  const checked = checkOperation(operationId, pathParams, received, invalid !== undefined, body);
  const all = [...violations, ...checked.violations];
  return { path: received.path, operationId, pathParams, body, violations: all, before, after: checked.after };
}
