// The CLI end to end on the real lessons: writes a package and a TSV that read back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('fails with one line for an unknown lesson or a missing --out', () => {
    const r = run('--out', path.join(dir, 'x.apkg'), '--lesson', 'no-such-lesson');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --lesson: no cards for lesson 'no-such-lesson' \(lessons with cards: .+\)\n$/);
    expect(run().stderr).toMatch(/^error: --out is required/);
  });

  it("--progress takes the app's own backup file; its answers are in the package, due days in the given zone", async () => {
    const { exportBackup } = await import('@/lib/srs');
    const { sampleData } = await import('@/test/fixtures/srs-data');
    const backup = path.join(dir, 'backup.json');
    writeFileSync(backup, exportBackup(sampleData(), new Date('2026-11-28T10:00:00Z')));
    const out = path.join(dir, 'progress.apkg');
    const r = run('--out', out, '--progress', backup, '--now', '2026-11-28T12:00:00Z', '--tz', 'Europe/Berlin');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pkg = readApkg(readFileSync(out), await initSqlJs());
    expect(pkg.revlog.length).toBe(2); // the sample's two answers to a lesson card (the third is for an imported card)
    // col.crt: 04:00 in Berlin (03:00 UTC) on the day of the earliest date.
    expect(new Date(Number(pkg.col.crt) * 1000).toISOString()).toBe('2026-11-28T03:00:00.000Z');
  });

  it('--progress names the file when it is not a backup', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"progress": ');
    const r = run('--out', path.join(dir, 'y.apkg'), '--progress', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: --progress: ${bad.replace(/[/.]/g, '\\$&')} is not JSON \\(`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
