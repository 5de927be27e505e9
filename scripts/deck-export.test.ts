// The CLI end to end on the real lessons: writes a package and a TSV that read back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readApkg } from '@/lib/anki';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck-export.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('deck:export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deck-export-'));

  it('writes one lesson as an .apkg', async () => {
    const out = path.join(dir, 'tokenization.apkg');
    const r = run('--out', out, '--lesson', 'tokenization', '--now', '2025-03-01T12:00:00Z');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/notes, \d+ cards in 1 deck/);
    const pkg = readApkg(readFileSync(out), await initSqlJs());
    expect(pkg.notes.length).toBeGreaterThan(0);
    expect(pkg.col.mod).toBe(Date.parse('2025-03-01T12:00:00Z'));
    const deckNames = new Set(pkg.cards.map((c) => pkg.decks[String(c.did)].name));
    expect([...deckNames]).toEqual(['GPT-2 Pamphlet::Tokenization']);
  });

  it('writes the text format with --tsv', () => {
    const out = path.join(dir, 'all.tsv');
    expect(run('--out', out, '--tsv').status).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('#separator:tab\n#html:true\n')).toBe(true);
  });

  it('fails with a message for an unknown lesson or a missing --out', () => {
    const r = run('--out', path.join(dir, 'x.apkg'), '--lesson', 'no-such-lesson');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no cards for lesson 'no-such-lesson'/);
    expect(run().status).toBe(2);
  });
});
