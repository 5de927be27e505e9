import { describe, expect, test } from 'vitest';
import { cardFaces } from './card-html';

describe('card faces', () => {
  test('cloze: the chosen deletion is blanked on the front and marked on the back', () => {
    const f = cardFaces({ type: 'cloze', front: 'Vocab: {{c1::50,257}} tokens, {{c2::768}} channels', back: '' }, 1);
    expect(f.front).toBe('Vocab: <span class="cloze-blank">[...]</span> tokens, 768 channels');
    expect(f.back).toBe('Vocab: <span class="cloze-answer">50,257</span> tokens, 768 channels');
  });

  test('math is typeset with KaTeX and text is escaped', () => {
    const f = cardFaces({ type: 'basic', front: 'What is $\\sqrt{d_k}$ for <b>GPT-2</b>?', back: '`8` & so on' });
    expect(f.front).toContain('class="katex"');
    expect(f.front).toContain('&lt;b>GPT-2&lt;/b>');
    expect(f.back).toBe('<code>8</code> &amp; so on');
  });

  test('hostile text stays text', () => {
    const f = cardFaces({ type: 'basic', front: '<img src=x onerror=alert(1)>', back: '[x](javascript:alert)' });
    expect(f.front).not.toContain('<img');
    expect(f.back).not.toContain('<a');
  });
});

describe('cards nested past what the parsers recurse through', () => {
  test.each([
    ['1,000 nested list levels', 'Deep? ' + '- '.repeat(1000) + 'x'],
    ['2,500 nested emphasis openers', '*a '.repeat(2500)],
    ['5,000 nested clozes', '{{c1::'.repeat(5000) + 'x' + '}}'.repeat(5000)],
  ])('%s: rendered (as text when need be), never thrown', (_name, text) => {
    for (const type of ['basic', 'cloze'] as const) {
      const faces = cardFaces({ type, front: text, back: text });
      expect(faces.front.length).toBeGreaterThan(0);
      expect(faces.front).not.toMatch(/<(script|img|iframe)/);
    }
  });
});
