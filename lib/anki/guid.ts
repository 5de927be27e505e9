// Stable note GUIDs. Anki's importer matches incoming notes to existing ones by `notes.guid`, so a
// GUID must depend only on the card's stable id (never on its text): re-importing an edited card then
// updates the note and keeps its review history. Same algorithm as genanki's `guid_for`: the first
// 8 bytes of SHA-256 of the values joined by '__', written in Anki's base-91 alphabet.

import { sha256 } from './sha';

// Anki's base-91 table (rslib notes/mod.rs `anki_base91`; genanki util.py BASE91_TABLE).
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** Namespace so the same card id in another project's deck cannot collide with ours. */
export const GUID_NAMESPACE = 'gpt2-pamphlet';

export function guidFor(...values: string[]): string {
  const digest = sha256(values.join('__'));
  let n = 0n;
  for (const b of digest.subarray(0, 8)) n = (n << 8n) | BigInt(b);
  let out = '';
  for (; n > 0n; n /= 91n) out = BASE91[Number(n % 91n)] + out;
  return out;
}

export function noteGuid(cardId: string): string {
  return guidFor(GUID_NAMESPACE, cardId);
}
