// Command-line flags for every CLI of the project: node's parseArgs in strict mode, then each value
// checked against what the command accepts. A user mistake gives one line naming the flag and exit
// code 2; any other failure one line and exit code 1; never a stack trace (DEBUG=1 shows it).

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv strictly: unknown flags, missing values and stray arguments are usage errors. */
export function parseFlags<O extends Options>(options: O, argv: string[], positionals = false) {
  // `--top-k -3`, `--prompt "-foo"`: after a flag that takes a value, an argument that starts with a
  // single dash is that value (parseArgs would take it for a short flag).
  const args: string[] = [];
  for (const a of argv) {
    const prev = args[args.length - 1];
    const takesValue = !!prev && /^--[^=]+$/.test(prev) && options[prev.slice(2)]?.type === 'string';
    if (takesValue && /^-(?!-)./.test(a)) args[args.length - 1] = `${prev}=${a}`;
    else args.push(a);
  }
  try {
    return parseArgs({ options, args, strict: true, allowPositionals: positionals });
  } catch (e) {
    // Node's messages are long and suggest "--": say which flag and what is wrong, in one line.
    const err = e as Error & { code?: string };
    const flag = /'(-{1,2}[^'\s]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown flag ${flag ?? err.message}`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${flag ?? 'a flag'} ${/does not take an argument/.test(err.message) ? 'takes no value' : 'needs a value'}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${/'([^']*)'/.exec(err.message)?.[1] ?? ''}`.trim());
    throw new UsageError(err.message.split('\n')[0]);
  }
}

/** A whole number within [min, max]; `undefined` → `fallback`. */
export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  if (n < min || n > max) throw new UsageError(`--${name} must be from ${min} to ${max}, got ${n}`);
  return n;
}

/** A finite number within [min, max]; `undefined` → `fallback`. */
export function numberFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  if (n < min || n > max) throw new UsageError(`--${name} must be from ${min} to ${max}, got ${n}`);
  return n;
}

/** One of `choices`; `undefined` → `fallback`. */
export function choiceFlag<T extends string>(name: string, raw: string | undefined, fallback: T, choices: readonly T[]): T {
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be ${choices.join(' or ')}, got "${raw}"`);
  return raw as T;
}

/** A value that must be given. */
export function requiredFlag(name: string, raw: string | undefined, usage: string): string {
  if (raw === undefined || raw.trim() === '') throw new UsageError(`--${name} is required (${usage})`);
  return raw;
}

/**
 * Local time minus UTC, in minutes, at `at`: from an IANA zone ("Europe/Berlin"), "UTC", or an
 * offset ("+01:00", "-05:30"). Not given: the machine's zone.
 */
export function utcOffsetFlag(name: string, tz: string | undefined, at: Date): number {
  if (tz === undefined) return -at.getTimezoneOffset();
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (fixed) {
    const [hours, minutes] = [Number(fixed[2]), Number(fixed[3])];
    if (hours > 14 || minutes > 59) throw new UsageError(`--${name}: ${tz} is not a UTC offset (from -12:00 to +14:00)`);
    return (fixed[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(at);
  } catch {
    throw new UsageError(`--${name} must be a time zone such as Europe/Berlin or an offset such as +01:00, got "${tz}"`);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Runs a command's main: prints one line for any failure and sets the exit code. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (e: unknown) => {
      const err = e as Error;
      if (process.env.DEBUG) console.error(err);
      else console.error(`error: ${String(err?.message ?? err).split('\n')[0]}`);
      process.exitCode = err instanceof UsageError ? 2 : 1;
    },
  );
}
