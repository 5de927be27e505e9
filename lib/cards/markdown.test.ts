import { describe, expect, test } from 'vitest';
import { cardMarkdownToHtml, escapeNonMath } from './markdown';

const anki = (md: string) => cardMarkdownToHtml(md, { math: 'mathjax' });

describe('links are limited to safe schemes', () => {
  test.each([
    ['[x](javascript:alert)', false],
    ['[x](data:text/html;base64,AAAA)', false],
    ['[x](https://arxiv.org/abs/1706.03762)', true],
    ['[x](/lessons/attention/#softmax)', true],
  ])('%s → link: %s', (md, isLink) => {
    expect(anki(md).includes('<a ')).toBe(isLink);
  });
});

describe('the subset', () => {
  test.each([
    ['plain', 'plain'],
    ['**bold** and *it*', '<b>bold</b> and <i>it</i>'],
    ['a\nb', 'a b'],
    ['- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
    ['hard  \nbreak', 'hard<br>break'],
    ['```\nx < y\n```', '<pre><code>x &lt; y</code></pre>'],
    ['hand-typed \\(x\\) and \\[y\\]', 'hand-typed \\(x\\) and \\[y\\]'],
    ['`\\(` stays code', '<code>\\(</code> stays code'],
    ['a\n\n$$\nx\n$$', '<p>a</p><p>\\[x\\]</p>'],
    ['# not a heading', '# not a heading'],
    ['<b>raw</b>', '&lt;b>raw&lt;/b>'],
    ['![img](https://x/y.png)', '!<a href="https://x/y.png">img</a>'],
    ['`$x$` and $y$', '<code>$x$</code> and \\(y\\)'],
    ['$$\\frac{a}{b}$$', '\\[\\frac{a}{b}\\]'],
    ['costs $5 and $10', 'costs $5 and $10'],
    ['$a$ or $ b$', '\\(a\\) or $ b$'],
    ['$\\href{javascript:alert(1)}{x}$', '\\(\\backslash\\text{href}{javascript:alert(1)}{x}\\)'],
  ])('%j → %j', (md, html) => {
    expect(anki(md)).toBe(html);
  });
});

describe('stray dollars', () => {
  test.each([
    ['$5 and $10', '\\$5 and \\$10'],
    ['$x$', '$x$'],
    ['`$` and $y$', '`$` and $y$'],
    ['```\n$\n```\n$', '```\n$\n```\n\\$'],
    ['$$ a $$ $', '$$ a $$ \\$'],
  ])('%j → %j', (md, out) => {
    expect(escapeNonMath(md)).toBe(out);
  });

  test('linear: 50,000 dollars and backticks render in well under a second', () => {
    const t0 = performance.now();
    anki('$a '.repeat(17_000) + '`'.repeat(3) + ' `x'.repeat(5000));
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
