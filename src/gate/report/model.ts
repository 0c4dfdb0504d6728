// The one report format of the contract gate, mock and live alike (`contract-mock.json`,
// `contract-live.json`); documented field by field in the README ("Reports"). Everything in a
// report is already redacted: no API key reaches this shape.
import type { Spec } from "../spec-model.ts";

export const REPORT_FORMAT = "leadconduit-contract-report/1";

export type GateMode = "mock" | "live";

export interface ContractReport {
  format: typeof REPORT_FORMAT;
  mode: GateMode;
  /** the contract holds: every step passed, nothing violated, every documented pair exercised (mock) */
  ok: boolean;
  /**
   * The gate could not check the contract (exit 3, whatever else the report holds): what kept it
   * from checking, and the request or test that met it. `ok` is then false, and nothing here is a
   * verdict on the contract.
   */
  unchecked?: Unchecked;
  /** the operations the run was limited to (`--operation`); absent: every operation of the spec */
  operations?: string[];
  startedAt: string;
  durationMs: number;
  spec: {
    file: string;
    title?: string;
    version?: string;
    operations: { operationId: string; method: string; path: string }[];
  };
  /** what was checked: "prism" and "mock" (mock mode, contract-tests/lib/targets.ts), or "live" with the server's URL */
  targets: TargetRecord[];
  steps: StepRecord[];
  coverage: Coverage;
  /** one per test (mock) or probe (live), with its real duration */
  cases: CaseRecord[];
  /** what breaks the contract; each fails the gate */
  violations: Finding[];
  /** worth knowing, not failing: e.g. which undocumented 4xx refused a bad body */
  findings: Finding[];
  /** the breaking-change check, when the spec differs from its base */
  specDiff?: SpecDiffSection;
}

interface TargetRecord {
  name: string;
  url?: string;
  /** what it is (mock mode) */
  about?: string;
  /** modes of the suite that do not apply to it, each with the reason (mock mode) */
  notApplicable?: { mode: string; reason: string }[];
}

/** Why a run could not check the contract. */
export interface Unchecked {
  /** what happened: `no answer within 10000 ms (--timeout)`, `connection refused (ECONNREFUSED)`, `prism exited (SIGKILL) …` */
  cause: string;
  /** what met it: the request (`POST https://…/invitations/recipient`, live) or the first test it failed (mock) */
  request?: string;
  operationId?: string;
  /** the live check or the test */
  case?: string;
}

/** One exercised (operation, status) pair: by a contract test against a target ("prism", "mock"), or by a live probe ("live"). */
export interface Exercised {
  target: string;
  operationId: string;
  status: number;
  /** mode of the mock suite ("static", ...) or kind of live check ("valid-call", ...) */
  mode: string;
  /** the spec documents this status for this operation */
  documented: boolean;
  case: string;
}

export interface StepRecord {
  name: string;
  ok: boolean;
  ms: number;
  note?: string;
  /** the step could not check what it checks (`ok` is then false): never a verdict */
  unchecked?: boolean;
}

export interface CaseRecord {
  target: string;
  /** from the test's explicit operation tag, or the live probe's operation */
  operationId?: string;
  /** the test's full name, or the live check (`valid-call`, `no-credentials`, `bad-body {}`) */
  name: string;
  /** file the test lives in (mock) */
  file?: string;
  /** `unchecked`: it could not be checked (no answer, a crashed target): neither passed nor failed */
  status: "passed" | "failed" | "skipped" | "unchecked";
  ms: number;
  /** why it was skipped or could not be checked */
  note?: string;
  /** HTTP status of the answer judged (live) */
  httpStatus?: number;
  /** failure messages, first line each */
  failures?: string[];
}

/** Where a schema keyword sits in the spec file: what an annotation points at. */
export interface SpecLocation {
  /** the file as reports name it (relative to the repository root for annotations) */
  file: string;
  line: number;
  pointer: string;
}

export interface Finding {
  target: string;
  operationId: string;
  /** the test case or live check that saw it */
  case: string;
  /** HTTP status of the answer */
  status?: number;
  /** JSON path in the response body (`/entity/name`), `/` for the whole body */
  path?: string;
  message: string;
  /** the schema keyword it broke, in the spec file, when it can be found */
  location?: { file?: string; line?: number; pointer: string };
}

export interface Coverage {
  targets: string[];
  /** per target, the modes (mock) or kinds of check (live) in column order */
  modes: Record<string, string[]>;
  rows: CoverageRow[];
  /** documented pairs some target never exercised */
  missing: { target: string; operationId: string; status: number }[];
}

export interface CoverageRow {
  operationId: string;
  status: number;
  documented: boolean;
  /** target → mode → how many times */
  counts: Record<string, Record<string, number>>;
}

/** What `npm run spec:diff` found, when the spec differs from its base (scripts/lib/spec-diff.ts). */
export interface SpecDiffSection {
  /** what the spec was compared with: `merge-base with main (abc1234)`, `tag v1.2.0 (abc1234)`, a file */
  base: string;
  /** the spec compared: `spec/leadconduit.yaml` as it is on disk */
  revision: string;
  /** no breaking change, or info.version got a new major */
  ok: boolean;
  breaking: number;
  additive: number;
  editorial: number;
  majorBump: boolean;
  baseVersion?: string;
  revisionVersion?: string;
  /** every change, breaking first, each with its verdict and the rule that gave it */
  changes: SpecChangeRecord[];
}

export interface SpecChangeRecord {
  verdict: "breaking" | "additive" | "editorial";
  /** where a client meets it */
  side: "request" | "response" | "both" | "document";
  ruleId: string;
  message: string;
  /** JSON pointer in the revision (in the base for what was removed) */
  pointer: string;
  /** the operations that reach it (`POST /invitations/recipient`) */
  operations: string[];
  /** file:line */
  location?: string;
}

export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The report's `spec` section: the file as reports name it, its title and version, its operations. */
export function specSection(spec: Spec, file: string): ContractReport["spec"] {
  const info = (spec.document.info ?? {}) as { title?: string; version?: string };
  return {
    file,
    ...(info.title ? { title: info.title } : {}),
    ...(info.version ? { version: info.version } : {}),
    operations: spec.operations.map((o) => ({ operationId: o.operationId, method: o.method, path: o.path })),
  };
}
