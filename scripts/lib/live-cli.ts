// Command-line face of the live contract gate; scripts/contract.ts hands over to liveMain when
// it is given a target. A live run sends real invitation email, so nothing is sent unless the
// operator named the address it goes to.
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { secretsOf } from "../../src/auth.ts";
import { redactText } from "../../src/redact.ts";
import { formatLiveReport, runLiveGate } from "./live-gate.ts";
import { REPORT_FILES } from "./live-report.ts";

export const EXIT = { passed: 0, violations: 1, refused: 2 } as const;

const USAGE = `Usage: npm run contract -- --target <url> [--dry-run] [--entity-id <id>] [--report-dir <dir>]

Runs the contract checks against a real server. Environment:
  LEADCONDUIT_API_KEY         the API key (required)
  LEADCONDUIT_CONTRACT_EMAIL  where the test invitations go (required: this sends real email)
  LEADCONDUIT_BASE_URL        the target, when --target is not given

--dry-run lists the requests a live run would send and sends none.
Exit code: 0 passed, 1 the server breaks the spec, 2 refused to start.`;

export async function liveMain(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        target: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "entity-id": { type: "string" },
        "report-dir": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.refused;
  }
  if (args.help) {
    console.log(USAGE);
    return EXIT.passed;
  }

  const target = args.target ?? nonEmpty(env.LEADCONDUIT_BASE_URL);
  const apiKey = nonEmpty(env.LEADCONDUIT_API_KEY);
  const email = nonEmpty(env.LEADCONDUIT_CONTRACT_EMAIL);
  const missing = [
    target ? "" : "a target (--target <url> or LEADCONDUIT_BASE_URL)",
    apiKey ? "" : "LEADCONDUIT_API_KEY",
    email ? "" : "LEADCONDUIT_CONTRACT_EMAIL (a live run sends real invitation email to it)",
  ].filter(Boolean);
  if (missing.length) {
    console.error(`Refusing to start the live contract gate without ${missing.join(", ")}.\n\n${USAGE}`);
    return EXIT.refused;
  }
  const secrets = secretsOf(apiKey!);
  const reportDir = resolve(args["report-dir"] ?? "reports");

  let report;
  try {
    report = await runLiveGate({
      target: target!,
      apiKey: apiKey!,
      email: email!,
      dryRun: args["dry-run"],
      reportDir,
      ...(args["entity-id"] ? { entityId: args["entity-id"] } : {}),
    });
  } catch (error) {
    console.error(`Refusing to start the live contract gate: ${redactText((error as Error).message, secrets)}`);
    return EXIT.refused;
  }

  console.log(formatLiveReport(report));
  // runLiveGate writes no report for a dry run: it checked nothing, and must not replace the last real one
  if (report.dryRun) return EXIT.passed;
  console.log(`\nReports: ${join(reportDir, REPORT_FILES.json)}, ${join(reportDir, REPORT_FILES.junit)}`);
  return report.ok ? EXIT.passed : EXIT.violations;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
