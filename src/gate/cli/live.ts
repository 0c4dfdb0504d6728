// `--target <url>`: the live run, as the repository's `npm run contract` and the package's
// `leadconduit-contract` bin both run it.
import { resolve } from "node:path";
import { secretsOf } from "../../client/auth.ts";
import { LiveGateRefusal, type PlannedRequest, runLiveGate } from "../live/gate.ts";
import type { SpecLocation } from "../report/model.ts";
import { publishReport } from "../report/publish.ts";
import { formatReport } from "../report/text.ts";
import type { Spec } from "../spec-model.ts";
import { type LiveCommand, UsageError } from "./args.ts";
import { EXIT } from "./exit.ts";
import type { CliIo } from "./io.ts";

export interface LiveSpec {
  spec: Spec;
  file: string;
  locate?: (pointer: string) => SpecLocation | undefined;
}

export async function runLive(command: LiveCommand, io: CliIo, loadSpec: () => Promise<LiveSpec>): Promise<number> {
  const apiKey = nonEmpty(io.env.LEADCONDUIT_API_KEY);
  const email = nonEmpty(io.env.LEADCONDUIT_CONTRACT_EMAIL);
  const { spec, file, locate } = await loadSpec();
  let result: Awaited<ReturnType<typeof runLiveGate>>;
  try {
    result = await runLiveGate({
      spec,
      specFile: file,
      ...(locate ? { locate } : {}),
      target: command.target,
      dryRun: command.dryRun,
      ...(apiKey ? { apiKey } : {}),
      ...(email ? { email } : {}),
      ...(command.entityId ? { entityId: command.entityId } : {}),
      ...(command.timeoutMs === undefined ? {} : { timeoutMs: command.timeoutMs }),
      ...(command.operations ? { operations: command.operations } : {}),
    });
  } catch (error) {
    if (error instanceof LiveGateRefusal) throw new UsageError(error.message);
    throw error;
  }
  if (result.dryRun) {
    // a dry run checked nothing, so it writes no report and must not replace the last real one
    io.log(formatDryRun(result.target, result.requests));
    return EXIT.ok;
  }
  const { report } = result;
  io.log(formatReport(report, io.colour));
  const files = publishReport(report, {
    reportDir: resolve(io.cwd, command.reportDir ?? "reports"),
    env: io.env,
    log: io.log,
    secrets: apiKey ? secretsOf(apiKey) : [],
  });
  io.log(`\nReports: ${files.json}, ${files.junit}`);
  // could not check wins over any violation seen before it: the run was not a whole verdict
  if (report.unchecked) return EXIT.unchecked;
  return report.ok ? EXIT.ok : EXIT.broken;
}

function formatDryRun(target: string, requests: PlannedRequest[]): string {
  const lines = [
    `Dry run against ${target}: nothing was sent. A live run would send ${requests.length} request${requests.length === 1 ? "" : "s"}:`,
  ];
  for (const r of requests) {
    lines.push("", `  ${r.method} ${r.url}   (${r.operationId}, ${r.check})`);
    for (const [name, value] of Object.entries(r.headers)) lines.push(`    ${name}: ${value}`);
    if (r.body !== undefined) lines.push(`    body: ${JSON.stringify(r.body)}`);
  }
  if (requests.some((r) => r.url.includes("{"))) {
    lines.push("", "A {placeholder} in a URL is filled in with the entity.id the first create call returns.");
  }
  return lines.join("\n");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
