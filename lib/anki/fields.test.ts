import { describe, expect, it } from 'vitest';
import { cleanText, clozeFieldHtml, fieldChecksum, fieldHtml, lessonUrl, sortField, sourceFieldHtml } from './fields';
import { clozeNumbers } from '@/lib/cards/cloze';

// Golden table: Markdown on a card → the field HTML Anki stores.
const MARKDOWN: [string, string][] = [
  ['plain text', 'plain text'],
  ['', ''],
  ['a < b & c > d', 'a &lt; b &amp; c > d'],
  ['"double" and \'single\' quotes', '"double" and \'single\' quotes'],
  ['literal {{braces}} and }} and {{', 'literal &#123;&#123;braces&#125;&#125; and &#125;&#125; and &#123;&#123;'],
  ['GPT-2 Pamphlet::Tokenization', 'GPT-2 Pamphlet::Tokenization'],
  ['emoji 🤖 and café', 'emoji 🤖 and café'],
  ['`ln_1` and `c_attn`', '<code>ln_1</code> and <code>c_attn</code>'],
  ['`a < b && {{x}}`', '<code>a &lt; b &amp;&amp; &#123;&#123;x&#125;&#125;</code>'],
  ['`` a ` b ``', '<code>a ` b</code>'],
  ['**bold** and *italic*', '<b>bold</b> and <i>italic</i>'],
  ['**`wte`** is the token embedding', '<b><code>wte</code></b> is the token embedding'],
  ['snake_case_name and 2*3*4', 'snake_case_name and 2<i>3</i>4'],
  ['\\*not italic\\*', '*not italic*'],
  ['$x^2$ inline', '\\(x^2\\) inline'],
  ['$$\\sum_i x_i$$', '\\[\\sum_i x_i\\]'],
  ['$a<b$', '\\(a&lt;b\\)'],
  ['costs $5 and $10.', 'costs $5 and $10.'],
  ['\\$5', '$5'],
  ['hand-typed \\(x\\) stays', 'hand-typed \\(x\\) stays'],
  ['$x$ and `$y$`', '\\(x\\) and <code>$y$</code>'],
  ['[the paper](https://example.com/a?b=1&c=2)', '<a href="https://example.com/a?b=1&amp;c=2">the paper</a>'],
  ['line one\nline two', 'line one line two'],
  ['hard  \nbreak', 'hard<br>break'],
  ['para one\n\npara two', '<p>para one</p><p>para two</p>'],
  ['- one\n- two `x`', '<ul><li>one</li><li>two <code>x</code></li></ul>'],
  ['1. first\n2. second\n   continued', '<ol><li>first</li><li>second continued</li></ol>'],
  ['Intro:\n\n- a\n- b', '<p>Intro:</p><ul><li>a</li><li>b</li></ul>'],
  ['```\nx = a < b\n  indented\n```', '<pre><code>x = a &lt; b\n  indented</code></pre>'],
  ['# not a heading', '# not a heading'],
  ['<b>raw html</b>', '&lt;b>raw html&lt;/b>'],
];

// Golden table: cloze text → Text field. Markers survive; their contents are escaped and formatted.
const CLOZE: [string, string][] = [
  ['{{c1::answer}}', '{{c1::answer}}'],
  ['{{c1::answer::hint}}', '{{c1::answer::hint}}'],
  ['{{c1::`<|endoftext|>`}}', '{{c1::<code>&lt;|endoftext|></code>}}'],
  ['{{c1::a & b}} < {{c2::**c**}}', '{{c1::a &amp; b}} &lt; {{c2::<b>c</b>}}'],
  ['**{{c1::bold answer}}**', '<b>{{c1::bold answer}}</b>'],
  ['{{c1::$d_{model}$}} = 768', '{{c1::\\(d_{model}\\)}} = 768'],
  ['$\\sqrt{ {{c1::d_k}} }$', '\\(\\sqrt{ {{c1::d_k}} }\\)'],
  ['{{c1::outer {{c2::inner}}}}', '{{c1::outer {{c2::inner}}}}'],
  // a `::` the Markdown makes (an escaped colon) is no hint separator in Anki
  ['{{c1::a:\\:b}}', '{{c1::a:&#58;b}}'],
  ['{{c1::a::b::c}}', '{{c1::a::b:&#58;c}}'],
  ['stray }} and {{ and {{c9::unclosed', 'stray &#125;&#125; and &#123;&#123; and &#123;&#123;c9:&#58;unclosed'],
  ['{{c1::x}} {{literal}}', '{{c1::x}} &#123;&#123;literal&#125;&#125;'],
];

describe('fieldHtml', () => {
  it.each(MARKDOWN)('%j', (md, html) => {
    expect(fieldHtml(md)).toBe(html);
  });
});

describe('clozeFieldHtml', () => {
  it.each(CLOZE)('%j', (text, html) => {
    expect(clozeFieldHtml(text)).toBe(html);
    expect(clozeNumbers(html)).toEqual(clozeNumbers(text));
  });
});

describe('cleanText', () => {
  it('drops control characters that would split fields, keeps tab and newline, normalises to NFC', () => {
    expect(cleanText('a\x1fb\x00c\td\ne')).toBe('abc\td\ne');
    expect(cleanText('cafe\u0301')).toBe('café');
  });
});

describe('sort field and checksum', () => {
  // csum golden values: int(sha1(text).hexdigest()[:8], 16) in Python.
  it.each([
    ['hello', 'hello', 2868168221],
    ['GPT-2 has {{c1::50,257}} tokens', 'GPT-2 has {{c1::50,257}} tokens', 2880830979],
    ['Q &#123;&#123;x&#125;&#125;', 'Q {{x}}', 2789139592],
    ['café 😀 "quoted" &lt;tag&gt; &amp; more', 'café 😀 "quoted" <tag> & more', 2135660834],
    ['<b>hello</b>', 'hello', 2868168221],
    ['<p>&nbsp;</p>', ' ', 3092826920],
    ['', '', 3661210606],
  ])('%j → sfld %j, csum %d', (html, sfld, csum) => {
    expect(sortField(html)).toBe(sfld);
    expect(fieldChecksum(html)).toBe(csum);
  });

  it('strips comments, style and script like Anki', () => {
    expect(sortField('a<!-- c -->b<style>x{}</style>c<script>1</script>d<br/>e')).toBe('abcde');
  });
});

describe('source link', () => {
  const source = { lesson: 'tokenization', lessonTitle: 'Tokenization & BPE', anchor: 'byte-pair-encoding' };
  it('points at the lesson section on the static site', () => {
    expect(lessonUrl(source, 'https://example.org/pamphlet/')).toBe(
      'https://example.org/pamphlet/lessons/tokenization/#byte-pair-encoding',
    );
    expect(sourceFieldHtml(source, 'https://example.org')).toBe(
      '<a href="https://example.org/lessons/tokenization/#byte-pair-encoding">Lesson: Tokenization &amp; BPE</a>',
    );
    expect(sourceFieldHtml(undefined)).toBe('');
  });
  it('names the section when the card knows it', () => {
    expect(sourceFieldHtml({ ...source, section: 'Merges <by> rank' }, 'https://example.org')).toBe(
      '<a href="https://example.org/lessons/tokenization/#byte-pair-encoding">Lesson: Tokenization &amp; BPE § Merges &lt;by&gt; rank</a>',
    );
  });
});
