'use client';
// GPT-2's tokenizer for a widget that can start without it: its module is half a megabyte (the
// 50,256 BPE ranks), so the generator loads it when the learner first touches the prompt or
// presses Generate, not with the page.
import { lazyModule } from '../lazy-module';

export interface TokenText {
  encode: (text: string) => number[];
  decode: (ids: readonly number[]) => string;
  tokenLabel: (id: number) => string;
}

const tokenizer = lazyModule<TokenText>(() =>
  Promise.all([import('@/lib/tokenizer'), import('@/lib/widgets/token-label')]).then(([t, l]) => ({
    encode: t.encode,
    decode: t.decode,
    tokenLabel: l.tokenLabel,
  })),
);

export const loadTokenizer = tokenizer.load;

/** The tokenizer once `wanted` (or already loaded); null before. */
export function useTokenizer(wanted: boolean): TokenText | null {
  return tokenizer.useModule(wanted).module;
}
