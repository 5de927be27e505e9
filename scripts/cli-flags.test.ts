// Every CLI, called wrongly: one line that names the flag, exit code 2 (usage) or 1 (failure), never a
// stack trace. The flag checks as a table, then each command spawned for real.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, choiceFlag, intFlag, numberFlag, parseFlags, utcOffsetFlag } from './cli-flags';

const usage = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('flag checks', () => {
  const OPTIONS = { n: { type: 'string' }, json: { type: 'boolean' } } as const;
  it.each<[string, string[], string]>([
    ['an unknown flag', ['--bogus'], 'unknown flag --bogus'],
    ['a flag with no value', ['--n'], '--n needs a value'],
    ['a stray argument', ['extra'], 'unexpected argument extra'],
    ['a value for a boolean', ['--json=yes'], '--json takes no value'],
  ])('%s', (_name, argv, message) => {
    expect(usage(() => parseFlags(OPTIONS, argv))).toBe(message);
  });

  it('a negative number, or any text starting with one dash, is a value, not a flag', () => {
    expect(parseFlags(OPTIONS, ['--n', '-3']).values.n).toBe('-3');
    expect(parseFlags(OPTIONS, ['--n', '-foo']).values.n).toBe('-foo');
  });

  it.each<[string, () => unknown, string]>([
    ['int: text', () => intFlag('max-new-tokens', 'abc', 1, 1, 10), '--max-new-tokens must be a whole number, got "abc"'],
    ['int: a fraction', () => intFlag('seed', '1.5', 0, 0), '--seed must be a whole number, got "1.5"'],
    ['int: negative', () => intFlag('steps', '-3', 1, 1, 10), '--steps must be from 1 to 10, got -3'],
    ['int: too big', () => intFlag('top-k', '99999999', 0, 0, 50257), '--top-k must be from 0 to 50257, got 99999999'],
    ['int: empty', () => intFlag('n', '', 1, 1), '--n must be a whole number, got ""'],
    ['number: text', () => numberFlag('temperature', 'nope', 1, 0.05, 2), '--temperature must be a number, got "nope"'],
    ['number: NaN', () => numberFlag('temperature', 'NaN', 1, 0.05, 2), '--temperature must be a number, got "NaN"'],
    ['number: Infinity', () => numberFlag('top-p', 'Infinity', 1, 0.05, 1), '--top-p must be a number, got "Infinity"'],
    ['number: zero temperature', () => numberFlag('temperature', '0', 1, 0.05, 2), '--temperature must be from 0.05 to 2, got 0'],
    ['choice', () => choiceFlag('variant', 'x', 'auto', ['auto', 'fp32'] as const), '--variant must be auto or fp32, got "x"'],
    [
      'time zone',
      () => utcOffsetFlag('tz', 'Mars/Olympus', new Date()),
      '--tz must be a time zone such as Europe/Berlin or an offset such as +01:00, got "Mars/Olympus"',
    ],
    ['an offset no zone has', () => utcOffsetFlag('tz', '+99:99', new Date()), '--tz: +99:99 is not a UTC offset (from -12:00 to +14:00)'],
  ])('%s', (_name, f, message) => {
    expect(usage(f)).toBe(message);
  });

  it('good values pass through', () => {
    expect(intFlag('n', undefined, 7, 1)).toBe(7);
    expect(intFlag('n', '12', 7, 1)).toBe(12);
    expect(numberFlag('t', '0.5', 1, 0.05, 2)).toBe(0.5);
    expect(utcOffsetFlag('tz', '+05:30', new Date())).toBe(330);
    expect(utcOffsetFlag('tz', 'UTC', new Date())).toBe(0);
    expect(utcOffsetFlag('tz', 'Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(utcOffsetFlag('tz', 'Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
const notJson = path.join(dir, 'bad.json');
writeFileSync(notJson, '{');

describe('each command, called wrongly', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['generate', ['--max-new-tokens', 'abc'], 2, /^error: --max-new-tokens must be a whole number, got "abc"$/],
    ['generate', ['--temperature', 'nope'], 2, /^error: --temperature must be a number, got "nope"$/],
    ['generate', ['--top-k', '-3'], 2, /^error: --top-k must be from 0 to 50257, got -3$/],
    ['generate', ['--frobnicate'], 2, /^error: unknown flag --frobnicate$/],
    ['generate', ['--model', path.join(dir, 'none')], 1, /^error: cannot load a model from .*none: ENOENT/],
    ['deck-export', ['--out', path.join(dir, 'x.apkg'), '--progress', notJson], 2, /^error: --progress: .*bad\.json is not JSON/],
    ['deck-export', ['--out', path.join(dir, 'x.apkg'), '--now', 'tomorrow'], 2, /^error: --now must be a date/],
    ['model-demo', ['--shape', 'huge'], 2, /^error: --shape must be demo or 124m, got "huge"$/],
    ['model-demo', ['--seed', 'x'], 2, /^error: --seed must be a whole number, got "x"$/],
    ['model-export', ['--from', dir], 2, /^error: --out is required/],
    ['model-gpt2', ['--timeout', '-5'], 2, /^error: --timeout must be from 100 to 600000, got -5$/],
    ['tokenize', [], 2, /^usage: npm run --silent tokenize/],
    ['cards', [path.join(dir, 'missing.md')], 2, /^cards: cannot read .*missing\.md: no such file$/],
  ];
  it.each(cases)('%s %j', (script, args, code, message) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(code);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
