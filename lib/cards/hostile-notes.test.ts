// The hostile-note corpus (e2e/fixtures/hostile-notes.md) through the one card renderer: every card
// face the app shows and every field of the Anki package must be free of anything that can run:
// no element that loads or runs anything, no event-handler attribute, no non-web URL scheme.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { readApkg, writeApkg } from '@/lib/anki';
import { clozeFieldHtml, fieldHtml } from '@/lib/anki/fields';
import { parseNote } from '@/lib/notes';
import type { Card } from './card';
import { cardFaces } from './card-html';
import { clozeNumbers } from './cloze';

const FORBIDDEN = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'style',
  'img',
  'base',
  'link',
  'meta',
  'input',
  'button',
  'details',
  'textarea',
  'select',
  'xmp',
  'template',
  'video',
  'audio',
  'source',
  'image',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'data', 'xLinkHref', 'poster', 'background', 'cite']);
const SAFE_SCHEME = /^(https?|mailto)$/i;

/** Everything unsafe in `html`, described; empty when it is safe. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (FORBIDDEN.has(child.tagName)) found.push(`<${child.tagName}>`);
      for (const [name, value] of Object.entries(child.properties)) {
        if (/^on/i.test(name)) found.push(`${name} on <${child.tagName}>`);
        if (name === 'srcDoc') found.push(`srcdoc on <${child.tagName}>`);
        if (URL_ATTRIBUTES.has(name)) {
          const scheme = /^\s*([a-z][a-z0-9+.\-]*)\s*:/i.exec(String(value).replace(/[\u0000-\u0020]/g, ''));
          if (scheme && !SAFE_SCHEME.test(scheme[1])) found.push(`${scheme[1]}: in ${name} of <${child.tagName}>`);
        }
      }
      visit(child);
    }
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

const NOW = new Date('2026-12-01T12:00:00Z');
const note = readFileSync(fileURLToPath(new URL('../../e2e/fixtures/hostile-notes.md', import.meta.url)), 'utf8');
const parsed = parseNote(note, { fileName: 'hostile-notes.md' });

function faces(card: Card): string[] {
  const ns = card.type === 'cloze' ? clozeNumbers(card.front) : [];
  return (['all', ...ns] as const).flatMap((n) => Object.values(cardFaces(card, n)));
}

describe('the hostile-note corpus', () => {
  test('every one of its 40 cards comes through, with no warning', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.cards).toHaveLength(40);
  });

  test('the checker finds what it must (it can fail)', () => {
    expect(unsafeParts('<a href=" java\tscript:x">a</a><img src=x onerror=y><svg onload=z></svg>')).toEqual([
      'javascript: in href of <a>',
      '<img>',
      'onError on <img>',
      'onLoad on <svg>',
    ]);
  });

  test.each(parsed.cards.map((c, i) => [i + 1, c] as const))('card %i: every face in the app is inert', (_, card) => {
    for (const html of faces(card)) expect(unsafeParts(html)).toEqual([]);
  });

  test('raw HTML is shown as text, script links keep only their label', () => {
    const byBack = (s: string) => parsed.cards.find((c) => c.back === s)!;
    expect(cardFaces(byBack('HTML image')).front).toBe('&lt;img src=x onerror=alert(13)>');
    expect(cardFaces(byBack('plain javascript link')).front).toBe('x4');
    expect(cardFaces(parsed.cards[0]).back).toBe('[x](https://a<code>" onmouseover="alert(1)//</code>)');
  });

  // A backup or another tab can hold text that never went through the importer: the renderer alone must hold.
  const raw = note.split(/\n{2,}/).slice(1);
  test.each(raw.map((text, i) => [i + 1, text] as const))('raw paragraph %i, as every card type and every field, is inert', (_, text) => {
    const cards: Card[] = [
      { id: 'b', type: 'basic', front: text, back: text, deck: 'd', tags: [] },
      { id: 'c', type: 'cloze', front: '{{c1::' + text.replaceAll('}}', '') + '}} ' + text, back: text, deck: 'd', tags: [] },
    ];
    for (const card of cards) {
      for (const html of faces(card)) expect(unsafeParts(html), html).toEqual([]);
      const fields = card.type === 'cloze' ? [clozeFieldHtml(card.front), fieldHtml(card.back)] : [fieldHtml(card.front)];
      for (const html of fields) expect(unsafeParts(html), html).toEqual([]);
    }
  });

  // MathJax runs in Anki: no command that links, styles or loads may reach it, not even split by a cloze.
  const ACTIVE_TEX = /\\(href|url|html\w*|class|cssId|style|bbox|data\w*|unicode|require)(?![a-zA-Z])/;
  const withoutCloze = (field: string) => field.replace(/\{\{c\d+::|\}\}/g, '');
  test.each([
    '{{c1::x}} $\\hr{{c2::ef}}{javascript:alert(1)}{click}$',
    '$\\href{javascript:alert(1)}{x}$',
    '$$\\style{color:red}{x}$$',
    '$\\bbox[position:fixed;top:0]{x}$',
  ])('MathJax commands that act are neutralised in Anki fields: %s', (text) => {
    for (const field of [clozeFieldHtml(text), fieldHtml(text)]) expect(withoutCloze(field)).not.toMatch(ACTIVE_TEX);
    expect(ACTIVE_TEX.test(withoutCloze(text.replace(/\$/g, '')))).toBe(true); // the check can fail
  });

  test('every field of the Anki package is inert', async () => {
    const sqlJs = await initSqlJs();
    const pkg = readApkg(await writeApkg({ cards: parsed.cards, now: NOW, sqlJs }), sqlJs);
    expect(pkg.notes).toHaveLength(40);
    for (const row of pkg.notes) {
      for (const field of String(row.flds).split('\x1f')) {
        expect(unsafeParts(field), field).toEqual([]);
        expect(withoutCloze(field)).not.toMatch(ACTIVE_TEX);
      }
    }
  });
});
