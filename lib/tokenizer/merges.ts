/**
 * GPT-2's merge list, recovered from the ranks (the standard tiktoken → Hugging Face
 * conversion). A rank table only says which byte strings are tokens and in what order;
 * a merges.txt says which *pair* forms each one. For token t of rank r, run BPE on t's
 * bytes using only tokens of rank < r: BPE stops with exactly two parts, and that pair
 * is t's merge. Listing the pairs in rank order gives merge n → id 256 + n.
 */
import { EOT_ID, idOfTokenString, tokenString } from './vocab';
import { FIRST_MERGE_ID } from './bpe-steps';

export type Merge = readonly [left: string, right: string];

/** BPE over `symbols` using only tokens with id < maxId; the parts where it stops. */
function bpeBelow(symbols: string[], maxId: number): string[] {
  for (;;) {
    let bestIndex = -1;
    let bestId = maxId;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const id = idOfTokenString(symbols[i] + symbols[i + 1]);
      if (id !== undefined && id < bestId) {
        bestId = id;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) return symbols;
    symbols.splice(bestIndex, 2, symbols[bestIndex] + symbols[bestIndex + 1]);
  }
}

let merges: Merge[] | undefined;

/** The 50,000 merges, in vocab-string form: merges[0] is ['Ġ', 't'] (makes id 256). */
export function gpt2Merges(): readonly Merge[] {
  if (merges) return merges;
  const out: Merge[] = [];
  for (let id = FIRST_MERGE_ID; id < EOT_ID; id++) {
    const parts = bpeBelow([...tokenString(id)], id);
    if (parts.length !== 2) {
      throw new Error(`token ${id} ${JSON.stringify(tokenString(id))} splits into ${parts.length} parts, not a pair`);
    }
    out.push([parts[0], parts[1]]);
  }
  merges = out;
  return merges;
}
