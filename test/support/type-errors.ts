// Type errors of one module, checked with the compiler options of a src/tsconfig.json (ES2022 +
// DOM libs, no Node types): only that module is checked (the compiler resolves what it needs of
// the rest), and every file it reaches is parsed once per test run, keyed by its text, so a
// second check in a scratch copy that changed one file re-parses that file alone.
import { join } from "node:path";
import ts from "typescript";

const parsed = new Map<string, ts.SourceFile>();

/** The options src/tsconfig.json gives, for checking only: none of the build's output settings. */
function checkOptions(root: string): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "src", "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`${root}/src/tsconfig.json could not be read`);
  const { rootDir: _rootDir, outDir: _outDir, tsBuildInfoFile: _buildInfo, ...options } = config.options;
  return { ...options, composite: false, emitDeclarationOnly: false, noEmit: true };
}

/** The type errors of `file`, compiled against the src/ and generated/ of `root`. */
export function typeErrorsOf(root: string, file: string): string[] {
  const options = checkOptions(root);
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    const key = `${fileName}\0${text}`;
    let source = parsed.get(key);
    if (!source) {
      source = ts.createSourceFile(fileName, text, languageVersion);
      parsed.set(key, source);
    }
    return source;
  };
  const program = ts.createProgram([file], options, host);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ts.getPreEmitDiagnostics(program, program.getSourceFile(file)),
  ];
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
