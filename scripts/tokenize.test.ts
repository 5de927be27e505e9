import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./tokenize.ts', import.meta.url));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { input, encoding: 'utf8' });

describe('scripts/tokenize.ts', () => {
  it('prints ids and decoded token texts as one JSON line', () => {
    const { status, stdout } = run(['Hello world, attention is all you need.']);
    expect(status).toBe(0);
    expect(stdout).toBe(
      '{"ids":[15496,995,11,3241,318,477,345,761,13],"tokens":["Hello"," world",","," attention"," is"," all"," you"," need","."]}\n',
    );
  });

  it('reads stdin for "-", byte for byte', () => {
    const { status, stdout } = run(['-'], 'Hi 🤗\n');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ids: [17250, 12520, 97, 245, 198], tokens: ['Hi', ' \uFFFD', '\uFFFD', '\uFFFD', '\n'] });
  });

  it('prints usage and exits 2 without an argument', () => {
    const { status, stdout, stderr } = run([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^usage: /);
  });
});
