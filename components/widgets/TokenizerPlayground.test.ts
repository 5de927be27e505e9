// Render smoke test without a browser: the server renderer runs the component's first
// render, which is what a reader sees when the widget mounts.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { encode } from '@/lib/tokenizer';
import TokenizerPlayground from './TokenizerPlayground';

const render = (initialText?: string) => renderToString(createElement(TokenizerPlayground, { initialText })).replaceAll('<!-- -->', '');
const rowIds = (html: string) => [...html.matchAll(/<tr[^>]*data-token-id="(\d+)"/g)].map((m) => Number(m[1]));
const options = (html: string) => html.match(/role="option"/g)?.length ?? 0;

describe('TokenizerPlayground', () => {
  it('renders "Hello world" as 2 rows with ids 15496 and 995', () => {
    const html = render('Hello world');
    expect(rowIds(html)).toEqual([15496, 995]);
    expect(options(html)).toBe(2);
    expect(html).toContain('aria-label="Token 2 of 2 (index 1): &quot; world&quot;, id 995"');
    expect(html).toContain('Ġworld');
    expect(html).toMatch(/<strong>2<\/strong> tokens · <strong>11<\/strong> characters/);
  });

  it('renders the default text with one row per token of encode and a BPE panel', () => {
    const html = render();
    const ids = encode("GPT-2 doesn't read letters: tokenization turns text into numbers.");
    expect(rowIds(html)).toEqual(ids);
    expect(html).toContain('<label for="');
    expect(html).toContain('Text to tokenize');
    expect(html).toMatch(/<label for="[^"]+">Merge step<\/label>/);
    expect(html).toContain('aria-valuetext="0 of 11"'); // " tokenization" has 11 merges, as in bpe-steps.test
    expect(html).toContain('merge #0: ‘Ġ’ + ‘t’ → ‘Ġt’ (id 256)');
  });

  it('marks partial tokens of an emoji and the special token', () => {
    const html = render('I ❤️ 🦙s<|endoftext|>');
    expect(rowIds(html)).toEqual([40, 43074, 97, 37929, 12520, 99, 247, 82, 50256]);
    expect(html.match(/tok tok--partial/g)).toHaveLength(5 + 1); // 5 tokens + the legend
    expect(html).toContain('part of a character');
    expect(html).toContain('tok tok--special');
  });

  it('caps the rows at 2,000 but counts every token', () => {
    const text = 'a '.repeat(2500);
    const html = render(text);
    expect(rowIds(html)).toHaveLength(2000);
    expect(html).toContain(`Showing the first 2,000 of ${encode(text).length.toLocaleString('en-US')} tokens`);
  });
});
