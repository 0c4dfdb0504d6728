// The consumer check of `npm run check:package`: the packed tarball installed into a fresh
// strict TypeScript app, type-checked with this repo's tsc and run with node against Prism.
// A `@ts-expect-error` on a wrong call proves type errors reach the consumer (tsc fails on an
// unused directive).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Packed } from "./pack.ts";
import { type RunningPrism, startPrism } from "./prism.ts";
import { run, tail } from "./run.ts";

export interface StepOutcome {
  ok: boolean;
  note: string;
}

const noColor = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

function consumerSources(name: string, baseUrl: string) {
  const PKG = { name };
  const esm = `// ESM consumer: resolves the package's "import" condition (.mjs + .d.mts).
import { createLeadConduitClient, LeadConduitError, type InvitationResponse } from "${PKG.name}";

const lc = createLeadConduitClient({ apiKey: "consumer-test-key", baseUrl: ${JSON.stringify(baseUrl)} });
const res: InvitationResponse = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
if (res.message !== "Invitation was sent successfully") throw new Error(\`unexpected message \${res.message}\`);
const name: string | undefined = res.entity?.name;
if (name !== "A Corporation") throw new Error(\`unexpected entity.name \${name}\`);

// Never called: it exists for tsc, which must report the wrong property name here.
export function wrongCall() {
  // @ts-expect-error \`mail\` is not a property of InvitationRequest
  return lc.invitations.createRecipient({ mail: "x" });
}

const resolved = import.meta.resolve("${PKG.name}");
if (!resolved.endsWith("/dist/index.mjs")) throw new Error(\`ESM resolved \${resolved}\`);
if (!(new LeadConduitError("x") instanceof Error)) throw new Error("LeadConduitError is not an Error");
console.log(\`esm ok: \${res.message} / \${name} (\${resolved.slice(resolved.lastIndexOf("/node_modules/") + 1)})\`);
`;
  const cjs = `// CJS consumer: resolves the package's "require" condition (.cjs + .d.cts).
import { createLeadConduitClient, ValidationError, type InvitationResponse } from "${PKG.name}";

declare const require: { resolve(id: string): string };

const lc = createLeadConduitClient({ apiKey: "consumer-test-key", baseUrl: ${JSON.stringify(baseUrl)} });

// Never called: it exists for tsc, which must report the wrong property name here.
export function wrongCall() {
  // @ts-expect-error \`mail\` is not a property of InvitationRequest
  return lc.invitations.createRecipient({ mail: "x" });
}

async function main(): Promise<void> {
  const res: InvitationResponse = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
  if (res.message !== "Invitation was sent successfully") throw new Error(\`unexpected message \${res.message}\`);
  const refused = await lc.invitations.createRecipient({ email: "not an email" }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(refused instanceof ValidationError)) throw new Error("a bad email was not refused with ValidationError");
  const resolved = require.resolve("${PKG.name}");
  if (!resolved.endsWith("/dist/index.cjs")) throw new Error(\`CJS resolved \${resolved}\`);
  console.log(\`cjs ok: \${res.message} / \${res.entity?.name} (\${resolved.slice(resolved.lastIndexOf("/node_modules/") + 1)})\`);
}

main().catch((error: unknown) => {
  console.error(error);
  throw error;
});
`;
  return { esm, cjs };
}

export async function checkConsumer(root: string, packed: Packed): Promise<StepOutcome> {
  const PKG = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; dependencies?: Record<string, string> };
  const TSC = join(root, "node_modules", "typescript", "bin", "tsc");
  const temp = mkdtempSync(join(tmpdir(), "lc-consumer-"));
  let prism: RunningPrism | undefined;
  try {
    const { tarball } = packed;

    const app = join(temp, "app");
    mkdirSync(join(app, "src"), { recursive: true });
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify({ name: "lc-consumer", version: "0.0.0", private: true }, null, 2)}\n`,
    );
    const installed = await run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts", tarball],
      { cwd: app, env: noColor, timeoutMs: 180_000 },
    );
    if (installed.code !== 0) return { ok: false, note: `npm install of the tarball exited ${installed.code}\n${tail(installed)}` };
    const nm = join(app, "node_modules");
    for (const dep of Object.keys(PKG.dependencies ?? {})) {
      if (!existsSync(join(nm, dep, "package.json"))) {
        return { ok: false, note: `the tarball's install did not bring its dependency ${dep}` };
      }
    }
    const strays = ["ajv", "ajv-formats"].filter((dep) => existsSync(join(nm, dep)));
    if (strays.length) return { ok: false, note: `installing the tarball pulled in ${strays.join(", ")}` };

    prism = await startPrism();
    const { esm, cjs } = consumerSources(PKG.name, prism.url);
    writeFileSync(join(app, "src", "esm.mts"), esm);
    writeFileSync(join(app, "src", "cjs.cts"), cjs);
    writeFileSync(
      join(app, "tsconfig.json"),
      `${JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            module: "NodeNext",
            moduleResolution: "NodeNext",
            target: "ES2022",
            lib: ["ES2022", "DOM"],
            types: [],
            // check the package's declarations too, not only the consumer's code
            skipLibCheck: false,
            rootDir: "src",
            outDir: "out",
          },
          include: ["src"],
        },
        null,
        2,
      )}\n`,
    );
    const tsc = await run(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], {
      cwd: app,
      timeoutMs: 120_000,
    });
    if (tsc.code !== 0) return { ok: false, note: `tsc failed in the consumer project\n${tail(tsc)}` };

    const lines: string[] = [];
    for (const file of ["out/esm.mjs", "out/cjs.cjs"]) {
      const ran = await run(process.execPath, [file], { cwd: app, timeoutMs: 60_000 });
      if (ran.code !== 0) return { ok: false, note: `node ${file} exited ${ran.code}\n${tail(ran)}` };
      lines.push(ran.stdout.trim());
    }
    return { ok: true, note: `tsc strict NodeNext green (@ts-expect-error used); node ran .mts and .cts\n${lines.join("\n")}` };
  } finally {
    await prism?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

