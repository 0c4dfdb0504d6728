// The TypeScript compiler run in-process by the tests: a module's type errors under src/'s
// settings, and an app's project compiled as `tsc -p` would. Every file a program reaches is
// parsed once per test run, keyed by its text and how it is read (an .d.ts may be read as ESM
// under one project and CJS under another), so the lib files and the installed packages'
// declarations are parsed once for all of them, and no `tsc` process is started.
import { join } from "node:path";
import ts from "typescript";

const parsed = new Map<string, ts.SourceFile>();

function cachedHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersionOrOptions) => {
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}\0${text}`;
    let source = parsed.get(key);
    if (!source) {
      source = ts.createSourceFile(fileName, text, languageVersionOrOptions);
      parsed.set(key, source);
    }
    return source;
  };
  return host;
}

/** A tsconfig as TypeScript reads it (extends followed); an unreadable one throws. */
export function readConfig(path: string): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`${path} could not be read`);
  return config;
}

const messages = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}(${line + 1},${character + 1}): ${text}`;
  });

/** The type errors of `file`, compiled against the src/ and generated/ of `root` with src/tsconfig.json's settings. */
export function typeErrorsOf(root: string, file: string): string[] {
  // checked only: none of the project build's output settings
  const {
    rootDir: _rootDir,
    outDir: _outDir,
    tsBuildInfoFile: _buildInfo,
    ...rest
  } = readConfig(join(root, "src", "tsconfig.json")).options;
  const options = { ...rest, composite: false, emitDeclarationOnly: false, noEmit: true };
  const program = ts.createProgram([file], options, cachedHost(options));
  return messages([
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ts.getPreEmitDiagnostics(program, program.getSourceFile(file)),
  ]);
}

/** Compiles a project as `tsc -p <config>` does (emitting what it emits); throws with every error it reports. */
export function compileProject(config: string): void {
  const { options, fileNames, errors } = readConfig(config);
  const program = ts.createProgram(fileNames, options, cachedHost(options));
  const emitted = program.emit();
  const all = messages([...errors, ...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
  if (all.length) throw new Error(`${config} does not compile:\n${all.join("\n")}`);
}
