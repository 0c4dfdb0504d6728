// The command line of the contract gate, shared by `npm run contract` (program "repo": mock
// and live mode) and the `leadconduit-contract` bin (program "bin": live mode only). Parsing
// is node:util parseArgs in strict mode; every refusal is one line naming the flag.
import { parseArgs } from "node:util";
import { targetProblem } from "../live/refusals.ts";

export type Program = "repo" | "bin";

/** Refused before anything ran: bad usage, a missing secret, an unsafe target. Exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "mock"; reportDir?: string; testsOnly: boolean }
  | { kind: "live"; target: string; dryRun: boolean; entityId?: string; reportDir?: string };

interface OptionDoc {
  flag: string;
  value?: string;
  text: string[];
  programs: Program[];
}

const OPTIONS: OptionDoc[] = [
  {
    flag: "--target",
    value: "<url>",
    text: ["live mode: the server to check (https, or http to loopback)"],
    programs: ["repo", "bin"],
  },
  {
    flag: "--dry-run",
    text: ["live mode: list the requests a run would send, send nothing", "(needs neither the key nor the email)"],
    programs: ["repo", "bin"],
  },
  {
    flag: "--entity-id",
    value: "<id>",
    text: ["live mode: resend this entity instead of the one a create call returns"],
    programs: ["repo", "bin"],
  },
  {
    flag: "--report-dir",
    value: "<dir>",
    text: ["where the reports go (default: reports)"],
    programs: ["repo", "bin"],
  },
  {
    flag: "--tests-only",
    text: ["mock mode: the contract tests and coverage only (npm test runs the rest)"],
    programs: ["repo"],
  },
  { flag: "-h, --help", text: ["print this and run nothing"], programs: ["repo", "bin"] },
  { flag: "--version", text: ["print the package version"], programs: ["repo", "bin"] },
];

const PARSE_OPTIONS = {
  target: { type: "string" },
  "dry-run": { type: "boolean" },
  "entity-id": { type: "string" },
  "report-dir": { type: "string" },
  "tests-only": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

export function parseCommand(argv: string[], program: Program): Command {
  const values = parse(argv);
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const reportDir = nonEmptyValue("--report-dir", values["report-dir"]);
  if (values.target === undefined) {
    for (const flag of ["dry-run", "entity-id"] as const) {
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} needs --target <url> (it only applies to a live run)`);
    }
    if (program === "bin")
      throw new UsageError("--target <url> is required: leadconduit-contract checks a live server");
    return { kind: "mock", testsOnly: values["tests-only"] === true, ...(reportDir ? { reportDir } : {}) };
  }
  if (values["tests-only"])
    throw new UsageError("--tests-only applies to the mock run; it cannot be combined with --target");
  const entityId = nonEmptyValue("--entity-id", values["entity-id"]);
  return {
    kind: "live",
    target: targetOf(values.target),
    dryRun: values["dry-run"] === true,
    ...(entityId ? { entityId } : {}),
    ...(reportDir ? { reportDir } : {}),
  };
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: PARSE_OPTIONS, strict: true, allowPositionals: false }).values;
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

export function usage(program: Program): string {
  const invocation =
    program === "repo" ? "npm run contract -- [options]" : "leadconduit-contract --target <url> [options]";
  const options = OPTIONS.filter((o) => o.programs.includes(program)).flatMap((o) => {
    const head = `  ${o.flag}${o.value ? ` ${o.value}` : ""}`;
    return o.text.map((line, i) => `${(i === 0 ? head : "").padEnd(22)} ${line}`);
  });
  return [
    `Usage: ${invocation}`,
    "",
    ...intro(program),
    "",
    "Options:",
    ...options,
    "",
    ...ENVIRONMENT,
    "",
    ...EXIT_CODES,
    "",
    ...reports(program),
  ].join("\n");
}

function intro(program: Program): string[] {
  const live = [
    "With --target (live mode): probes a real server and judges every answer against the spec.",
    "A live run creates invitations, which sends real email to LEADCONDUIT_CONTRACT_EMAIL.",
  ];
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
    ...live,
  ];
}

const ENVIRONMENT = [
  "Environment:",
  "  LEADCONDUIT_API_KEY          live mode: the API key (never printed or written anywhere)",
  "  LEADCONDUIT_CONTRACT_EMAIL   live mode: where the test invitations go, an address you own",
  "  LEADCONDUIT_BASE_URL         ignored: only --target starts a live run",
  "  GITHUB_STEP_SUMMARY          when set, a markdown summary is appended to that file",
  "  GITHUB_ACTIONS=true          violations are also printed as ::error annotations",
  "  NO_COLOR / FORCE_COLOR       colour off / on (default: on for a terminal only)",
];

const EXIT_CODES = [
  "Exit codes:",
  "  0  the contract holds (a dry run: the requests were listed)",
  "  1  the contract is broken: a violation, a failed test or step, a documented response never exercised",
  "  2  refused: bad usage, a missing secret, an unsafe target; nothing was checked",
  "  3  the gate itself failed (a crash, not a verdict); the stack is printed",
];

function reports(program: Program): string[] {
  const mock = program === "repo" ? ["  <dir>/contract-mock.json, <dir>/contract-mock.junit.xml   mock mode"] : [];
  return [
    'Reports (format: README, "Reports"):',
    ...mock,
    "  <dir>/contract-live.json, <dir>/contract-live.junit.xml   live mode (not written by a dry run)",
  ];
}
