// Stable ids for cards that have no explicit id (imported notes). Pure and synchronous so the
// browser importer and the Node CLI derive the same id from the same text.

import type { CardType } from './card';

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

/** FNV-1a, 64-bit, over the UTF-8 bytes; 16 lower-case hex digits. */
export function fnv1a64(s: string): string {
  let h = FNV64_OFFSET;
  for (const byte of utf8.encode(s)) {
    h ^= BigInt(byte);
    h = (h * FNV64_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, '0');
}

/** `note/<hash of deck + type + front>`: survives edits to the back, changes with the question. */
export function noteCardId(deck: string, type: CardType, front: string): string {
  return `note/${fnv1a64([deck, type, front].join('\u001f'))}`;
}

/** Lesson ids are kebab-case: `vocab-size`, `why-scale`, `gpt2-config`. */
export const CARD_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
