// The command line of the contract gate, shared by `npm run contract` (program "repo": mock
// and live mode) and the `leadconduit-contract` bin (program "bin": live mode only). One typed
// table, OPTIONS, is all there is of the flags: node:util parseArgs (strict) is configured from
// it, `--help` is printed from it, and the docs include that help (docs/contract-gate.md, kept in
// step by `npm run generate`). Every refusal is one line naming the flag.
import { parseArgs } from "node:util";
import { MAX_TIMEOUT_MS } from "../../client/options.ts";
import { DEFAULT_TIMEOUT_MS } from "../live/exchange.ts";
import { targetProblem } from "../live/refusals.ts";
import { EXIT_CODES } from "./exit.ts";

export type Program = "repo" | "bin";

/** Refused before anything ran: bad usage, a missing secret, an unsafe target. Exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

interface OptionSpec {
  type: "string" | "boolean";
  /** given more than once, each value counts (parseArgs' `multiple`) */
  multiple?: boolean;
  short?: string;
  /** the value's placeholder in --help */
  value?: string;
  /** --help's lines for it */
  help: readonly string[];
  programs: readonly Program[];
}

const BOTH: readonly Program[] = ["repo", "bin"];

/** Every flag of the gate, in --help's order. */
const OPTIONS = {
  target: {
    type: "string",
    value: "<url>",
    help: ["live mode: the server to check (https, or http to loopback)"],
    programs: BOTH,
  },
  "dry-run": {
    type: "boolean",
    help: ["live mode: list the requests a run would send, send nothing", "(needs neither the key nor the email)"],
    programs: BOTH,
  },
  "entity-id": {
    type: "string",
    value: "<id>",
    help: ["live mode: resend this entity instead of the one a create call returns"],
    programs: BOTH,
  },
  timeout: {
    type: "string",
    value: "<ms>",
    help: [
      `live mode: how long to wait for each answer (default: ${DEFAULT_TIMEOUT_MS}); a target that`,
      "refuses or does not answer in time stops the run: exit 3, could not check",
    ],
    programs: BOTH,
  },
  operation: {
    type: "string",
    multiple: true,
    value: "<id>",
    help: [
      "check only this operation (an operationId of the spec); repeat it for more",
      "(mock mode still lints, drift-checks and diffs the whole spec)",
    ],
    programs: BOTH,
  },
  "report-dir": {
    type: "string",
    value: "<dir>",
    help: ["where the reports go (default: reports)"],
    programs: BOTH,
  },
  help: { type: "boolean", short: "h", help: ["print this and run nothing"], programs: BOTH },
  version: { type: "boolean", help: ["print the package version"], programs: BOTH },
} as const satisfies Record<string, OptionSpec>;

type Flag = keyof typeof OPTIONS;
type Values = {
  [F in Flag]?: (typeof OPTIONS)[F] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[F]["type"] extends "string"
      ? string
      : boolean;
};

/** A live run against `--target`, as the command line gave it. */
export interface LiveCommand {
  target: string;
  dryRun: boolean;
  entityId?: string;
  reportDir?: string;
  /** per request, in ms */
  timeoutMs?: number;
  operations?: string[];
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "mock"; reportDir?: string; operations?: string[] }
  | ({ kind: "live" } & LiveCommand);

/** parseArgs' configuration, from the table. */
const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(OPTIONS).map(([flag, o]: [string, OptionSpec]) => [
    flag,
    { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
  ]),
) as { [F in Flag]: { type: (typeof OPTIONS)[F]["type"]; multiple?: boolean } };

export function parseCommand(argv: string[], program: Program): Command {
  const values = parse(argv);
  for (const flag of Object.keys(values) as Flag[]) {
    if (!(OPTIONS[flag].programs as readonly Program[]).includes(program))
      throw new UsageError(`--${flag} is not an option of this command (see --help)`);
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const reportDir = nonEmptyValue("--report-dir", values["report-dir"]);
  const operations = operationsOf(values.operation);
  const common = { ...(reportDir ? { reportDir } : {}), ...(operations ? { operations } : {}) };
  if (values.target === undefined) {
    for (const flag of ["dry-run", "entity-id", "timeout"] as const) {
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} needs --target <url> (it only applies to a live run)`);
    }
    if (program === "bin")
      throw new UsageError("--target <url> is required: leadconduit-contract checks a live server");
    return { kind: "mock", ...common };
  }
  const entityId = nonEmptyValue("--entity-id", values["entity-id"]);
  const timeoutMs = values.timeout === undefined ? undefined : millisecondsOf("--timeout", values.timeout);
  return {
    kind: "live",
    target: targetOf(values.target),
    dryRun: values["dry-run"] === true,
    ...(entityId ? { entityId } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...common,
  };
}

function millisecondsOf(flag: string, value: string): number {
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(ms >= 1 && ms <= MAX_TIMEOUT_MS))
    throw new UsageError(
      `${flag} takes a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${JSON.stringify(value)}`,
    );
  return ms;
}

/** The --operation values, each once, in the order given; whether the spec has them is asked once it is loaded. */
function operationsOf(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  for (const value of values) nonEmptyValue("--operation", value);
  return [...new Set(values.map((v) => v.trim()))];
}

function parse(argv: string[]): Values {
  try {
    return parseArgs({ args: argv, options: PARSE_OPTIONS, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new UsageError(oneLine(error as Error & { code?: string }));
  }
}

/** parseArgs' messages, which run to three sentences, as one short line. */
function oneLine(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted} (see --help)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${JSON.stringify(quoted)} (options only; see --help)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const flag = /--[a-z-]+/.exec(error.message)?.[0] ?? quoted;
      return /argument missing/.test(error.message) ? `${flag} needs a value` : `${flag} takes no value`;
    }
    default:
      return error.message.split("\n")[0]!;
  }
}

function nonEmptyValue(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") throw new UsageError(`${flag} needs a value, got an empty string`);
  return value;
}

function targetOf(value: string): string {
  const problem = targetProblem(value);
  if (problem) throw new UsageError(`--target ${problem}`);
  return value;
}

/** Two columns: what to type, what it does (continuation lines indented under the second). */
function columns(rows: readonly (readonly [string, readonly string[]])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.flatMap(([left, text]) => text.map((line, i) => `  ${(i === 0 ? left : "").padEnd(width)}${line}`));
}

/** `--help` of a program, from the tables of flags, environment variables and exit codes. */
export function usage(program: Program): string {
  const invocation =
    program === "repo" ? "npm run contract -- [options]" : "leadconduit-contract --target <url> [options]";
  const flags = (Object.entries(OPTIONS) as [Flag, OptionSpec][])
    .filter(([, o]) => o.programs.includes(program))
    .map(([flag, o]) => [`${o.short ? `-${o.short}, ` : ""}--${flag}${o.value ? ` ${o.value}` : ""}`, o.help] as const);
  return [
    `Usage: ${invocation}`,
    "",
    ...intro(program),
    "",
    "Options:",
    ...columns(flags),
    "",
    "Environment:",
    ...columns(ENVIRONMENT.map(([name, text]) => [name, [text]] as const)),
    "",
    "Exit codes:",
    ...columns(EXIT_CODES.map((e) => [String(e.code), [e.meaning]] as const)),
    "",
    'Reports (format: docs/contract-gate.md, "Reports"):',
    ...reports(program),
  ].join("\n");
}

function intro(program: Program): string[] {
  if (program === "bin") {
    return [
      "Checks a server against the LeadConduit Invitations API spec this package was built from:",
      "probes it and judges every answer. A run creates invitations, which sends real email to",
      "LEADCONDUIT_CONTRACT_EMAIL; --dry-run lists the requests and sends nothing.",
    ];
  }
  return [
    "The contract gate: do the client, spec/leadconduit.yaml and a server agree?",
    "Without --target (mock mode): lints the spec, checks generated/ is up to date, diffs the spec",
    "against its base when it changed, runs the contract tests against Prism and the testing kit's",
    "mock (one suite, both targets) and reports coverage. Sends nothing to any real server,",
    "whatever the environment says.",
    "With --target (live mode): probes a real server and judges every answer against the spec.",
    "A live run creates invitations, which sends real email to LEADCONDUIT_CONTRACT_EMAIL.",
  ];
}

/** Every environment variable the gate reads, in --help's order. */
const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ["LEADCONDUIT_API_KEY", "live mode: the API key (never printed or written anywhere)"],
  ["LEADCONDUIT_CONTRACT_EMAIL", "live mode: where the test invitations go, an address you own"],
  ["LEADCONDUIT_BASE_URL", "ignored: only --target starts a live run"],
  ["GITHUB_STEP_SUMMARY", "when set, a markdown summary is appended to that file"],
  ["GITHUB_ACTIONS=true", "violations are also printed as ::error annotations"],
  ["NO_COLOR / FORCE_COLOR", "colour off / on (default: on for a terminal only)"],
];

function reports(program: Program): string[] {
  const rows = [
    ...(program === "repo" ? [["<dir>/contract-mock.json, .junit.xml", ["mock mode"]] as const] : []),
    ["<dir>/contract-live.json, .junit.xml", ["live mode (not written by a dry run)"]] as const,
  ];
  return columns(rows);
}
