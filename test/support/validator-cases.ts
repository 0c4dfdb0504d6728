// Values to run the client's generated validators on: each check's documented example, and that
// example broken in every place it can be: each property removed, each value replaced by one of
// a set of values of every JSON type and of the formats, patterns and lengths the spec uses, an
// extra property added, several faults at once. Derived from the spec's examples, so a new
// property or operation is covered when it comes; what the right answer is comes from elsewhere
// (Ajv itself, or the validators as they were), never from this file.
import { type Spec, successResponse } from "../../contract-tests/lib/spec.ts";

/** The generated checks of an operation: its body, a path or query parameter, its 2xx shape and full checks. */
type CheckName = "body" | `path.${string}` | `query.${string}` | "shape" | "success";

export interface CheckCase {
  operationId: string;
  check: CheckName;
  /** what was done to the example, for a failure's message */
  label: string;
  value: unknown;
}

const ID = "64b8f0f5e4b0c3a1d5e6f7a8";
/** Every JSON type, and strings that pass or break the formats, patterns and lengths the spec uses. */
const REPLACEMENTS: readonly unknown[] = [
  null,
  true,
  0,
  42,
  -1.5,
  "",
  "x",
  "abc",
  "x".repeat(255),
  "😀😀", // 2 code points, 4 UTF-16 units: lengths count code points
  "😀".repeat(254),
  "2024-02-30T00:00:00Z", // a date the fast date-time check passes and the full one refuses
  "2024-01-01T00:00:00+01:00",
  "2024-01-01 00:00:00",
  "https://www.example.com/a b",
  "a:b", // a URI to the fast check, not to the full one
  "no scheme",
  "mike.jones@example.com",
  "a..b@example.com", // the fast email check passes it, the full one (the client's) does not
  "user@",
  ID,
  ID.toUpperCase(),
  `${ID}0`,
  "zzzzzzzzzzzzzzzzzzzzzzzz",
  [],
  [42],
  ["x", ID],
  {},
  { a: 1 },
];

interface Mutant {
  label: string;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `value` with the node at `path` replaced (undefined: removed). */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaced(item, rest, by) : item));
  const copy = { ...(value as Record<string, unknown>) };
  const next = replaced(copy[head as string], rest, by);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** Every path into a value: each property and each array item, depth first. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const children = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : isObject(value)
      ? Object.entries(value)
      : [];
  return [at, ...children.flatMap(([key, child]) => pathsOf(child, [...at, key]))];
}

/** The example, and the example broken in every way this file knows. */
function mutants(example: unknown): Mutant[] {
  const out: Mutant[] = [{ label: "the example", value: example }];
  for (const path of pathsOf(example)) {
    const where = `/${path.join("/")}`;
    if (path.length) out.push({ label: `${where} removed`, value: replaced(example, path, undefined) });
    for (const by of REPLACEMENTS)
      out.push({ label: `${where} = ${JSON.stringify(by)}`, value: replaced(example, path, by) });
  }
  for (const path of pathsOf(example)) {
    const node = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], example);
    if (isObject(node))
      out.push({ label: `/${path.join("/")} + extra property`, value: replaced(example, path, { ...node, extra: 1 }) });
  }
  // several faults at once: the order of the errors is part of the answer
  if (isObject(example)) {
    const keys = Object.keys(example);
    let broken: unknown = example;
    for (const [i, key] of keys.entries()) broken = replaced(broken, [key], i % 2 ? undefined : 42);
    out.push({ label: "every property broken or removed", value: broken });
  }
  return out;
}

/** Every check the client's validators hold, on the spec's examples and their mutants. */
export function validatorCases(spec: Spec): CheckCase[] {
  const cases: CheckCase[] = [];
  const add = (operationId: string, check: CheckName, examples: unknown[]) => {
    for (const example of examples)
      for (const m of mutants(example)) cases.push({ operationId, check, label: m.label, value: m.value });
  };
  for (const op of spec.operations) {
    if (op.body) add(op.operationId, "body", Object.values(op.body.examples));
    for (const p of op.pathParams) add(op.operationId, `path.${p.name}`, [p.example ?? ID]);
    for (const p of op.queryParams) add(op.operationId, `query.${p.name}`, [p.example ?? "x"]);
    const examples = Object.values(successResponse(op).examples["application/json"] ?? {});
    if (examples.length) {
      add(op.operationId, "shape", examples);
      add(op.operationId, "success", examples);
    }
  }
  return cases;
}

/** What a check answers, as far as the client reads it: the verdict, and each error's path, keyword, message and named property. */
export function answerOf(
  validate: ((value: unknown) => boolean) & { errors?: readonly Issue[] | null },
  value: unknown,
): { ok: boolean; errors: Issue[] } {
  const ok = validate(value);
  const errors = (validate.errors ?? []).map(({ instancePath, keyword, message, params }) => ({
    instancePath,
    keyword,
    message,
    // the one param the client reads (src/client/violations.ts)
    ...(keyword === "required" ? { params: { missingProperty: params?.missingProperty } } : {}),
    ...(keyword === "additionalProperties" ? { params: { additionalProperty: params?.additionalProperty } } : {}),
  }));
  return { ok, errors: ok ? [] : errors };
}

interface Issue {
  instancePath: string;
  keyword: string;
  message?: string | undefined;
  params?: Record<string, unknown> | undefined;
}
