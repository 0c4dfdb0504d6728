// The client's log: each attempt (debug), each retry (info), each violation in "report" mode
// (warn), to the `logger` the app gives, at or above its `logLevel`. Everything logged is
// redacted first: no form of the key reaches a logger.
import { redactDeep } from "./redact.js";

/** How much the client logs: `"debug"` everything, `"off"` nothing. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Where the client logs: `console` will do, or any logger with these four methods (pino, winston). */
export interface Logger {
  /** Each attempt: `createRecipientInvitation attempt 1: POST https://… → 200 in 84 ms`, then its data (operationId, request, status, ms, requestId). */
  debug(message: string, ...rest: unknown[]): void;
  /** Each retry: why the attempt failed and how long the client waits, then its data. */
  info(message: string, ...rest: unknown[]): void;
  /** Each violation `validateResponses: "report"` finds, then the same data `onResponseViolation` gets. */
  warn(message: string, ...rest: unknown[]): void;
  /** Not used by the client today; part of the interface so any logger fits. */
  error(message: string, ...rest: unknown[]): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/** What a log line carries beside its message: operation, request, status, timing, ids. */
export type LogData = Record<string, unknown>;

/** Logs one line, when a logger is set and its level lets `level` through; redacted. */
export function log(
  to: { logger?: Logger | undefined; logLevel: LogLevel },
  secrets: readonly string[],
  level: Exclude<LogLevel, "off">,
  message: string,
  data: LogData,
): void {
  if (!reaches(to, level)) return;
  to.logger?.[level](redactDeep(message, secrets), redactDeep(data, secrets));
}

/** Whether a line of `level` reaches a logger: one is set, and its level lets `level` through. */
function reaches(to: { logger?: Logger | undefined; logLevel: LogLevel }, level: Exclude<LogLevel, "off">): boolean {
  return to.logger !== undefined && LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(to.logLevel);
}

/** Whether warnings (the violations "report" mode finds) reach a logger. */
export function warnsReachLogger(to: { logger?: Logger | undefined; logLevel: LogLevel }): boolean {
  return reaches(to, "warn");
}
