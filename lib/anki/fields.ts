// Card text → the HTML stored in a note's fields, plus the two values Anki derives from the first
// field: the sort field (`notes.sfld`) and the checksum (`notes.csum`), computed exactly as rslib
// does (notes/mod.rs: strip_html_preserving_media_filenames, then field_checksum).

import { sourceLabel, type CardSource } from '@/lib/cards/card';
import { mapCloze } from '@/lib/cards/cloze';
import { MARKER_RANGE, cardMarkdownToHtml } from '@/lib/cards/markdown';
import { escapeAttr, escapeText, stripHtml } from './html';
import { sha1 } from './sha';

/**
 * Text as Anki stores it: ASCII control characters other than tab and newline removed (Anki strips
 * them on import; \x1f would split the field), our placeholder range removed, NFC-normalised.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(MARKER_RANGE, '')
    .normalize('NFC');
}

/**
 * Field HTML from the one card renderer, math left to Anki's MathJax. `{{` and `}}` in the text
 * become character references, so the only double braces in a field are the cloze markers written
 * here: the browser shows braces, Anki's cloze parser (which reads the raw field) does not see them.
 */
function renderField(text: string, markers: boolean): string {
  return cardMarkdownToHtml(text, { math: 'mathjax', markers }).replace(/\{\{/g, '&#123;&#123;').replace(/\}\}/g, '&#125;&#125;');
}

/** A Markdown field (question, answer, extra) as HTML. */
export function fieldHtml(markdown: string): string {
  return renderField(cleanText(markdown), false);
}

/**
 * A cloze text as HTML. The cloze markers are swapped for placeholders while the Markdown is
 * converted, so their contents are escaped and formatted like any text while `{{cN::`, `::` and `}}`
 * come out exactly as written.
 */
export function clozeFieldHtml(text: string): string {
  const protectedText = mapCloze(cleanText(text), {
    text: (s) => s,
    open: (n) => `\uE000${n}\uE001`,
    close: '\uE002',
    hintSeparator: '\uE003',
  });
  return (
    renderField(protectedText, true)
      // A `::` the text itself makes (`a:\:b` in Markdown) would read as a hint separator in Anki.
      .replace(/::/g, ':&#58;')
      .replace(/\uE000(\d+)\uE001/g, '{{c$1::')
      .replace(/\uE002/g, '}}')
      .replace(/\uE003/g, '::')
  );
}

/** `notes.sfld`: the sort field with HTML stripped. */
export function sortField(html: string): string {
  return stripHtml(html);
}

/** `notes.csum`: the first 4 bytes of SHA-1 of the stripped first field, big-endian, unsigned. */
export function fieldChecksum(firstFieldHtml: string): number {
  const d = sha1(stripHtml(firstFieldHtml));
  return ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0;
}

/** URL of the lesson section a card came from, on the site at `siteUrl`. The static site uses trailing slashes. */
export function lessonUrl(source: CardSource, siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  const anchor = source.anchor ? `#${encodeURIComponent(source.anchor)}` : '';
  return `${base}/lessons/${encodeURIComponent(source.lesson)}/${anchor}`;
}

/**
 * The `Source` field: the lesson section a card came from ('' for cards without a source), as a link
 * when the site's public address is known. Without one the field names the section in plain text: a
 * link to the exporting machine (localhost) would be dead on every other device.
 */
export function sourceFieldHtml(source: CardSource | undefined, siteUrl?: string): string {
  if (!source) return '';
  const label = escapeText(cleanText(`Lesson: ${sourceLabel(source)}`));
  return siteUrl ? `<a href="${escapeAttr(lessonUrl(source, siteUrl))}">${label}</a>` : label;
}
