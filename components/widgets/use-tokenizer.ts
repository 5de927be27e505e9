'use client';
// GPT-2's tokenizer for a widget that can start without it: its module is half a megabyte (the
// 50,256 BPE ranks), so the generator loads it when the learner first touches the prompt or
// presses Generate, not with the page.
import { useEffect, useState } from 'react';

export interface TokenText {
  encode: (text: string) => number[];
  decode: (ids: readonly number[]) => string;
  tokenLabel: (id: number) => string;
}

let loaded: TokenText | null = null;
let loading: Promise<TokenText> | null = null;

export function loadTokenizer(): Promise<TokenText> {
  loading ??= Promise.all([import('@/lib/tokenizer'), import('@/lib/widgets/token-label')]).then(
    ([t, l]) => (loaded = { encode: t.encode, decode: t.decode, tokenLabel: l.tokenLabel }),
  );
  return loading;
}

/** The tokenizer once `wanted` (or already loaded); null before. */
export function useTokenizer(wanted: boolean): TokenText | null {
  const [tokenizer, setTokenizer] = useState<TokenText | null>(loaded);
  useEffect(() => {
    if (tokenizer || !wanted) return;
    let live = true;
    void loadTokenizer().then((t) => live && setTokenizer(t));
    return () => {
      live = false;
    };
  }, [tokenizer, wanted]);
  return tokenizer;
}
