import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { encode } from '@/lib/tokenizer';
import { SONNET_18 } from '@/lib/tokenizer/shakespeare';
import TrainingPairs from './TrainingPairs';

describe('TrainingPairs', () => {
  const html = renderToString(createElement(TrainingPairs)).replaceAll('<!-- -->', '');
  const ids = encode(SONNET_18.text);

  it('shows the excerpt and its token count', () => {
    expect(html).toContain('Sonnet 18');
    expect(html).toContain('William Shakespeare');
    expect(html).toContain(`<strong>${ids.length}</strong> GPT-2 tokens`);
  });

  it('makes block_size = 8 examples from the first chunk: x[0..t] → y[t]', () => {
    const targets = [...html.matchAll(/<tr[^>]*data-example="(\d+)" data-target-id="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(targets).toEqual(ids.slice(1, 9).map((id, t) => [t, id]));
    expect(html).toContain(`[${ids.slice(0, 8).join(', ')}]</code>`); // the last context is all of x
    expect(html).toContain('x = tokens[0 : 8]');
    expect(html).toContain('y = tokens[1 : 9]');
    expect(html).toContain('block_size = 1024');
  });

  it('labels both sliders', () => {
    const label = (text: string) => html.match(new RegExp(`<label for="([^"]+)">${text}</label>`))?.[1];
    const bs = label('block_size');
    const start = label('Chunk start i');
    expect(html).toMatch(new RegExp(`<input id="${bs}" type="range" min="1" max="16" step="1" value="8"`));
    expect(html).toMatch(new RegExp(`<input id="${start}" type="range" min="0" max="${ids.length - 9}" step="1"`));
  });
});
