// Structured logs: one JSON object per line, `{"time","level","msg","instance",...fields}`; errors on
// stderr, everything else on stdout (docs/operations.md, "Logs"). No dependency: a line is one
// JSON.stringify of the caller's fields spliced after a fixed head, written with one write() call, so a
// request line costs its fields object and its string. Logging must never take the caller down, so nothing
// here throws.
import { hostname } from "node:os";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

type LogSettings = { minRank: number; requests: boolean; instanceJson: string };

/** LOG_LEVEL: debug | info | warn | error; anything else (unset, a typo) is info. */
export function logLevelFrom(raw: string | undefined): LogLevel {
  const level = raw?.trim().toLowerCase();
  return level === "debug" || level === "info" || level === "warn" || level === "error" ? level : "info";
}

/** LOG_REQUESTS=off (or 0/false) silences request lines only; every other line still follows LOG_LEVEL. */
export function requestLogsFrom(raw: string | undefined): boolean {
  const value = raw?.trim().toLowerCase();
  return !(value === "off" || value === "0" || value === "false");
}

function instanceName(env: NodeJS.ProcessEnv): string {
  if (env.INSTANCE_NAME) return env.INSTANCE_NAME;
  try {
    return `${hostname()}:${process.pid}`;
  } catch {
    return `pid:${process.pid}`; // hostname() is a syscall; a sandbox may refuse it
  }
}

function readSettings(env: NodeJS.ProcessEnv): LogSettings {
  return {
    minRank: RANK[logLevelFrom(env.LOG_LEVEL)],
    requests: requestLogsFrom(env.LOG_REQUESTS),
    instanceJson: JSON.stringify(instanceName(env)),
  };
}

// Read once: process.env lookups are not free and the hot path (one line per request) should not pay them.
let settings = readSettings(process.env);

/** Re-reads LOG_LEVEL, LOG_REQUESTS and INSTANCE_NAME (tests, scripts that set them after importing this). */
export function reloadLogSettings(env: NodeJS.ProcessEnv = process.env): void {
  settings = readSettings(env);
}

/** Snowflakes are bigints (JSON.stringify throws on them); an Error's own properties are not enumerable
 * (it would print as {}), and its stack must be asked for explicitly, never sent along by accident. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** `,"key":value,...` for the fields (empty when there are none), or a note when they cannot be serialized. */
function fieldsJson(fields: LogFields | undefined): string {
  if (fields === undefined) return "";
  try {
    const json: unknown = JSON.stringify(fields, replacer);
    if (typeof json !== "string" || json.length <= 2 || json[0] !== "{") return "";
    return `,${json.slice(1, -1)}`;
  } catch (error) {
    // A cycle or a throwing toJSON/getter: keep the line, say why its fields are missing.
    return `,"log_error":${JSON.stringify(`unserializable fields: ${describe(error)}`)}`;
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unknown";
  }
}

/** One log line, newline included. Fields named time/level/msg/instance would repeat those keys: don't. */
export function formatLine(level: LogLevel, msg: string, fields?: LogFields): string {
  let text: string;
  try {
    text = JSON.stringify(String(msg));
  } catch {
    text = '"(unprintable message)"';
  }
  return `{"time":"${new Date().toISOString()}","level":"${level}","msg":${text},"instance":${settings.instanceJson}${fieldsJson(fields)}}\n`;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * An EPIPE on stdout (the log collector went away) arrives as an 'error' event, which kills the process
 * when nobody listens. console.* swallowed these; so do we, once per stream rather than per line.
 */
function guard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on("error", () => {});
  }
  return stream;
}

// Lines below error are gathered and written once per event-loop turn: one write per request line was a
// syscall each (stdout to a pipe or file is synchronous), about 3% of a cached invite GET's CPU under load.
// An error line goes out at once, with whatever is pending before it, so nothing an operator needs after a
// crash waits in memory; at most one turn's info lines can be lost to a SIGKILL.
let pending: string[] = [];
let flushScheduled = false;

/** Writes the gathered lines now (also on exit, and before any error line). */
export function flushLogs(): void {
  flushScheduled = false;
  if (pending.length === 0) return;
  const text = pending.join("");
  pending = [];
  try {
    // Looked up on every call (not bound once) so that tests can swap process.stdout.write.
    guard(process.stdout).write(text);
  } catch {
    // Nowhere left to report it; the caller's work matters more than its log line.
  }
}

process.once("exit", flushLogs);

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  if (RANK[level] < settings.minRank) return;
  try {
    const line = formatLine(level, msg, fields);
    if (level === "error") {
      flushLogs();
      guard(process.stderr).write(line);
      return;
    }
    pending.push(line);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushLogs);
    }
  } catch {
    // Nowhere left to report it; the caller's work matters more than its log line.
  }
}

/** Whether lines at this level are written: check it before building costly fields. */
function enabled(level: LogLevel): boolean {
  return RANK[level] >= settings.minRank;
}

/** Whether request lines are on (LOG_REQUESTS) and their level passes LOG_LEVEL. */
export function requestLogEnabled(level: LogLevel): boolean {
  return settings.requests && enabled(level);
}

export const log = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
  enabled,
};
