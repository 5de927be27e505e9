// HTML escaping for field text, and Anki's HTML stripping (rslib text.rs `strip_html`), which gives
// the sort field and the text the checksum is taken over.

/**
 * Escape text for an HTML text node. `{{` and `}}` become character references so that the only
 * double braces left in a field are the cloze markers we write ourselves; the browser shows them as
 * braces, Anki's cloze parser (which reads the raw field) does not see them.
 */
export function escapeText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{\{/g, '&#123;&#123;')
    .replace(/\}\}/g, '&#125;&#125;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode character references. Covers numeric ones and the named ones this writer emits. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\u00a0/g, ' ');
}

// Anki's `HTML` regex: comments, style and script elements, then any tag; all removed without a space.
const HTML = /<!--[\s\S]*?-->|<style[\s\S]*?>[\s\S]*?<\/style>|<script[\s\S]*?>[\s\S]*?<\/script>|<[\s\S]*?>/gi;

/** Anki's `strip_html`: drop tags, then decode entities. (This writer emits no media tags.) */
export function stripHtml(html: string): string {
  return decodeEntities(html.replace(HTML, ''));
}
