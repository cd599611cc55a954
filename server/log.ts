// Structured logs through pino: one JSON object per line with `level` (a name), `time` (ISO 8601), `instance`,
// the caller's fields and `msg`; errors on stderr, everything else on stdout (docs/operations.md, "Logs").
// No pino worker-thread transports (nothing to bundle or start): lines below error are gathered and written to
// process.stdout once per event-loop turn (a write to a pipe is a system call; one per request line cost a
// cached invite lookup a fifth of its throughput), and on exit; error lines go to stderr at once. Logging must
// never take the caller down, so nothing here throws.
import { hostname } from "node:os";
import pino, { type Logger } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

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

/**
 * Fields that must never reach a log line even when a caller passes a whole header bag by mistake: the
 * credentials a request carries. The request line is built without them; this is the net under it.
 * (No leading wildcards: pino would then run every field of every line through the censor.)
 */
const REDACTED_PATHS = [
  "authorization",
  "cookie",
  '["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
];

/** Snowflakes are bigints (JSON has no such type, and pino would print them as bare, precision-losing numbers);
 * an Error's own properties are not enumerable (it would print as {}), and its stack must be asked for
 * explicitly, never sent along by accident. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unknown";
  }
}

/**
 * The caller's fields as plain JSON values. Lines whose fields are all strings, numbers and booleans (every
 * request line) pass through untouched; the others go through one JSON round trip with the replacer. A cycle
 * or a throwing toJSON/getter keeps the line and says why its fields are missing.
 */
function plainFields(fields: LogFields): LogFields {
  for (const key in fields) {
    const value = fields[key];
    if (typeof value === "bigint" || (typeof value === "object" && value !== null)) {
      try {
        return JSON.parse(JSON.stringify(fields, replacer)) as LogFields;
      } catch (error) {
        return { log_error: `unserializable fields: ${describe(error)}` };
      }
    }
  }
  return fields;
}

/**
 * An EPIPE on stdout (the log collector went away) arrives as an 'error' event, which kills the process
 * when nobody listens. console.* swallows these; so do we, once per stream.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
function guard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on("error", () => {});
  }
  return stream;
}

/** Lines written to `stream` together, once per event-loop turn, and whatever is left when the process exits. */
type Batched = { write(line: string): void; flush(): void };
const batches = new Set<Batched>();
process.once("exit", () => {
  for (const batch of batches) batch.flush();
});

function batched(stream: NodeJS.WriteStream): Batched {
  let pending: string[] = [];
  let scheduled = false;
  const batch: Batched = {
    write(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => batch.flush());
      }
    },
    flush() {
      scheduled = false;
      if (pending.length === 0) return;
      const text = pending.join("");
      pending = [];
      try {
        stream.write(text);
      } catch {
        // A closed stream: the lines have nowhere to go.
      }
    },
  };
  batches.add(batch);
  return batch;
}

const stdoutLines = batched(guard(process.stdout));

function createLogger(env: NodeJS.ProcessEnv): Logger<never, boolean> {
  // Error lines go to stderr only (dedupe: each line goes to the matching stream with the highest level).
  const destination = pino.multistream(
    [
      { level: "debug", stream: stdoutLines },
      { level: "error", stream: guard(process.stderr) },
    ],
    { dedupe: true },
  );
  return pino(
    {
      level: logLevelFrom(env.LOG_LEVEL),
      base: { instance: instanceName(env) },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: plainFields },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

// Read once: process.env lookups are not free and the hot path (one line per request) should not pay them.
let logger = createLogger(process.env);
let requestLines = requestLogsFrom(process.env.LOG_REQUESTS);

/** Re-reads LOG_LEVEL, LOG_REQUESTS and INSTANCE_NAME (tests, scripts that set them after importing this). */
export function reloadLogSettings(env: NodeJS.ProcessEnv = process.env): void {
  logger = createLogger(env);
  requestLines = requestLogsFrom(env.LOG_REQUESTS);
}

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  try {
    if (fields === undefined) logger[level](msg);
    else logger[level](fields, msg);
  } catch {
    // Nowhere left to report it; the caller's work matters more than its log line.
  }
}

/** Whether lines at this level are written: check it before building costly fields. */
function enabled(level: LogLevel): boolean {
  return logger.isLevelEnabled(level);
}

/** Whether request lines are on (LOG_REQUESTS) and their level passes LOG_LEVEL. */
export function requestLogEnabled(level: LogLevel): boolean {
  return requestLines && enabled(level);
}

// Plain functions, not pino's methods: callers pass them around unbound (`(cond ? log.warn : log.info)(...)`).
export const log = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
  enabled,
};
