// Which operation of the spec a method and path are, as Prism resolves them: no template
// matches (404), a template matches but not with this method (405), or an operation with its
// path parameters, decoded. Concrete paths win over templates.
import { operations } from "../../generated/testing.js";
import type { OperationId } from "../../generated/validators.js";

interface Route {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: "operation"; operationId: OperationId; pathParams: Record<string, string> }
  | { kind: "no-path" }
  | { kind: "no-method" };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(operationId: OperationId): Route {
  const { method, path } = operations[operationId];
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      // an empty segment still matches, so `//resend` is refused for its missing parameter
      return "([^/]*)";
    })
    .join("");
  return { operationId, method, pattern: new RegExp(`^${source}$`), names };
}

const ROUTES: Route[] = (Object.keys(operations) as OperationId[])
  .map(compile)
  .sort((a, b) => a.names.length - b.names.length);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A path as RFC 3986 compares paths (section 6.2.2): a percent-encoded unreserved character is
 * that character (6.2.2.2: `/invit%61tions` is `/invitations`), and the hex digits of the other
 * escapes are upper case (6.2.2.1). Escapes of reserved characters stay: `%2F` is data, not a
 * separator (2.2).
 */
function normalisePath(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, digits: string) => {
    const char = String.fromCharCode(Number.parseInt(digits, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : encoded.toUpperCase();
  });
}

/** Whether a request-target has a "%" that is not followed by two hex digits (RFC 3986, 2.1: not a URI). */
export function hasMalformedEscape(target: string): boolean {
  return /%(?![0-9A-Fa-f]{2})/.test(target);
}

export function matchRoute(method: string, rawPath: string): RouteMatch {
  const path = normalisePath(rawPath);
  const candidates = ROUTES.filter((route) => route.pattern.test(path));
  if (candidates.length === 0) return { kind: "no-path" };
  const route = candidates.find((r) => r.method === method.toUpperCase());
  if (!route) return { kind: "no-method" };
  const values = route.pattern.exec(path)!.slice(1);
  const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decode(values[i] ?? "")]));
  return { kind: "operation", operationId: route.operationId, pathParams };
}
