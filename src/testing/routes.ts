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

export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = ROUTES.filter((route) => route.pattern.test(path));
  if (candidates.length === 0) return { kind: "no-path" };
  const route = candidates.find((r) => r.method === method.toUpperCase());
  if (!route) return { kind: "no-method" };
  const values = route.pattern.exec(path)!.slice(1);
  const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decode(values[i] ?? "")]));
  return { kind: "operation", operationId: route.operationId, pathParams };
}
