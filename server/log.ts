/**
 * Structured logging for the server: one line per event, logfmt-style key=value pairs
 * (`ts=… level=info msg="seat joined" room=CDF346 seat=4 event=propose`), so a teacher's
 * terminal stays readable and a log shipper can still parse it.
 *
 * What it refuses to print, on purpose:
 * - values under secret-looking keys (token, secret, hand, cards, password, auth, cookie, and
 *   compounds such as seatToken or host_secret) are replaced by `[redacted]`;
 * - objects and arrays are never serialised wholesale (`[object]`): a snapshot or a view logged
 *   "just for debugging" is exactly how a hand or a token ends up in a log file;
 * - line breaks and other control or bidi characters inside values are escaped, so a pupil
 *   named "x\nlevel=error msg=…" cannot forge log lines.
 *
 * Level: `LOG_LEVEL` (debug | info | warn | error | silent), default info, or silent when
 * running under vitest (`VITEST` is set) unless LOG_LEVEL says otherwise.
 */

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
/** The only values a log line carries. Errors are printed as "Name: message", without the stack. */
export type LogValue = string | number | boolean | bigint | null | undefined | Error;
export type LogFields = Readonly<Record<string, LogValue>>;
export type LogSink = (line: string, level: Exclude<LogLevel, "silent">) => void;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** True when a line at `level` would be written; guard expensive field building with it. */
  enabled(level: Exclude<LogLevel, "silent">): boolean;
  /** A logger that adds `fields` to every line (e.g. `log.child({ room: code })`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Overrides LOG_LEVEL. */
  level?: LogLevel;
  /** Where lines go; default: stdout for debug/info, stderr for warn/error. */
  sink?: LogSink;
  /** Clock for `ts`, injectable for tests. */
  now?: () => number;
  /** Environment to read LOG_LEVEL and VITEST from; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Key words that mark a value as secret. A key is split into words (camelCase, snake_case,
 * kebab-case, dots) and redacted if any word is listed, so `seatToken`, `host_secret` and
 * `handSize` are all redacted. Over-redacting a harmless count is the cheap mistake.
 */
export const REDACTED_KEY_WORDS: ReadonlySet<string> = new Set([
  "token",
  "tokens",
  "secret",
  "secrets",
  "hand",
  "hands",
  "cards",
  "password",
  "passwords",
  "passwd",
  "auth",
  "authorization",
  "cookie",
  "cookies",
]);

export const REDACTED = "[redacted]";
const OBJECT_PLACEHOLDER = "[object]";
/** A log line is not a place for an essay: long values are cut (a pasted plan, a huge name). */
const MAX_VALUE_CHARS = 300;

export function isRedactedKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => REDACTED_KEY_WORDS.has(word));
}

export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  const v = value?.trim().toLowerCase();
  return v === "debug" || v === "info" || v === "warn" || v === "error" || v === "silent" ? v : undefined;
}

function defaultLevel(env: Readonly<Record<string, string | undefined>>): LogLevel {
  return parseLogLevel(env.LOG_LEVEL) ?? (env.VITEST ? "silent" : "info");
}

const defaultSink: LogSink = (line, level) => {
  (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
};

/** Keys become [A-Za-z0-9_.-]; anything else would break parsing of the line. */
function cleanKey(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_.-]/g, "_");
  return cleaned === "" ? "_" : cleaned;
}

// C0/C1 controls, DEL, line/paragraph separators and bidi controls: all escaped as \uXXXX.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}

/** logfmt quoting: bare when safe, otherwise "…" with \\, \" and control characters escaped. */
export function formatValue(text: string): string {
  const cut = text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
  if (cut !== "" && /^[A-Za-z0-9_.:/@+\-[\]…]+$/.test(cut)) return cut;
  return `"${cut.replace(/["\\]/g, "\\$&").replace(UNSAFE_CHARS, escapeChar)}"`;
}

function valueText(key: string, value: LogValue | object): string {
  if (isRedactedKey(key)) return REDACTED;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "undefined";
    default:
      // null, plain objects, arrays, functions, symbols: never serialised.
      return value === null ? "null" : OBJECT_PLACEHOLDER;
  }
}

/** One complete log line (no trailing newline). Exported for tests and for custom sinks. */
export function formatLine(
  ts: number,
  level: Exclude<LogLevel, "silent">,
  msg: string,
  fields: ReadonlyArray<LogFields | undefined>,
): string {
  const merged = new Map<string, string>();
  for (const group of fields) {
    if (!group) continue;
    for (const [key, value] of Object.entries(group)) {
      const k = cleanKey(key);
      // ts/level/msg belong to the logger; a field cannot overwrite them to forge a line.
      if (k === "ts" || k === "level" || k === "msg") continue;
      merged.set(k, valueText(key, value));
    }
  }
  let line = `ts=${new Date(ts).toISOString()} level=${level} msg=${formatValue(msg)}`;
  for (const [key, text] of merged) line += ` ${key}=${text === REDACTED ? REDACTED : formatValue(text)}`;
  return line;
}

interface LoggerState {
  readonly level: LogLevel;
  readonly sink: LogSink;
  readonly now: () => number;
}

/** Methods live on the prototype: a child (one per socket) is one small object, not seven closures. */
class FieldLogger implements Logger {
  private readonly threshold: number;

  constructor(
    private readonly state: LoggerState,
    private readonly base: ReadonlyArray<LogFields>,
  ) {
    this.threshold = LEVEL_RANK[state.level];
  }

  get level(): LogLevel {
    return this.state.level;
  }

  debug(msg: string, fields?: LogFields): void {
    this.write("debug", msg, fields);
  }

  info(msg: string, fields?: LogFields): void {
    this.write("info", msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    this.write("warn", msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    this.write("error", msg, fields);
  }

  enabled(level: Exclude<LogLevel, "silent">): boolean {
    return LEVEL_RANK[level] >= this.threshold;
  }

  child(fields: LogFields): Logger {
    return new FieldLogger(this.state, [...this.base, { ...fields }]);
  }

  private write(level: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields): void {
    if (LEVEL_RANK[level] < this.threshold) return;
    try {
      this.state.sink(formatLine(this.state.now(), level, msg, [...this.base, fields]), level);
    } catch {
      // A logger must never take the room down with it (closed pipe, full disk).
    }
  }
}

/** A root logger. `base` fields appear on every line (e.g. `{ mod: "store" }`). */
export function createLogger(base: LogFields = {}, options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  return new FieldLogger(
    {
      level: options.level ?? defaultLevel(env),
      sink: options.sink ?? defaultSink,
      now: options.now ?? Date.now,
    },
    [{ ...base }],
  );
}

/** A logger that writes nothing; the default for modules whose caller passed none in tests. */
export const silentLogger: Logger = createLogger({}, { level: "silent", sink: () => {} });
