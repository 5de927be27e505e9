import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./cards.ts', import.meta.url));
const fixture = fileURLToPath(new URL('../test/fixtures/concept-pamphlet.md', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('scripts/cards.ts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cards-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the cards of the notes file as JSON, warnings on stderr', () => {
    const { status, stdout, stderr } = run([fixture]);
    expect(status).toBe(0);
    const cards = JSON.parse(stdout);
    expect(cards).toHaveLength(5);
    expect(cards[1]).toEqual({
      type: 'basic',
      front: 'What five fields for GPT config?',
      back: 'block_size, vocab_size, n_layer, n_head, n_embd',
      deck: 'concept-pamphlet',
      tags: ['concept-pamphlet', 'todo'],
    });
    expect(cards[2]).toEqual({
      type: 'cloze',
      front: 'Tokenizer encoding/decoding is reminiscent of human memorization techniques like [...]',
      back: 'Tokenizer encoding/decoding is reminiscent of human memorization techniques like PAO',
      text: 'Tokenizer encoding/decoding is reminiscent of human memorization techniques like {{c1::PAO}}',
      deck: 'concept-pamphlet',
      tags: ['concept-pamphlet', 'todo'],
    });
    expect(stderr).toBe(`${fixture}:44: question without an answer ("scaled dot product attention equation ?"); no card\n`);
  });

  it('reads lesson cards from an .mdx file; a syntax error exits 1 with file:line', () => {
    const ok = path.join(dir, 'lesson.mdx');
    writeFileSync(ok, '---\ntitle: L\n---\n\n<Cloze id="v" text="{{c1::50,257}} tokens" extra="+1" />\n');
    const good = run([ok]);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual([
      {
        type: 'cloze',
        front: '[...] tokens',
        back: '50,257 tokens\n\n+1',
        text: '{{c1::50,257}} tokens',
        deck: 'GPT-2 Pamphlet::L',
        tags: ['lesson'],
      },
    ]);
    const bad = path.join(dir, 'bad.mdx');
    writeFileSync(bad, '---\ntitle: L\n---\n\n<Cloze id="v" text="no deletion" />\n');
    const failed = run([bad]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe(`${bad}:5: <Cloze id="v">: cloze text has no {{cN::…}} deletion\n`);
  });

  it('exits 2 with a message on a missing file, and with usage without one', () => {
    const missing = run([path.join(dir, 'nope.md')]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`cards: cannot read ${path.join(dir, 'nope.md')}: no such file\n`);
    const usage = run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^usage: /);
  });
});
