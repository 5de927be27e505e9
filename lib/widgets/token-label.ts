/**
 * How the model widgets name a token: its text decoded alone, with whitespace made visible
 * (' world' → '·world', '\n' → '↵'); a token that holds only some bytes of a character shows them
 * in hex ('⟨e2 80⟩'). And the prompt's ids, capped for analysis.
 */
import { decode, encode, tokenBytes } from '../tokenizer';
import { hexBytes, showWhitespace } from './visible-text';

export function tokenLabel(id: number): string {
  const text = decode([id]);
  if (text.includes('\uFFFD')) return `⟨${hexBytes(tokenBytes(id))}⟩`;
  return showWhitespace(text);
}

/** At most `max` characters (code points), '…' marking a cut. */
export function shortLabel(label: string, max = 10): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

export interface PromptIds {
  /** the ids analysed: the first `cap` tokens */
  ids: number[];
  /** the prompt's whole token count */
  total: number;
  capped: boolean;
}

/** The prompt's first `cap` tokens (analysis cost and the charts grow with T², so it is capped). */
export function promptIds(text: string, cap: number): PromptIds {
  const all = encode(text);
  return { ids: all.slice(0, cap), total: all.length, capped: all.length > cap };
}
