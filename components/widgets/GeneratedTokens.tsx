'use client';
// The generator's output as tokens: each generated token tinted and framed, so its boundaries show;
// pointing at one (hover, focus, tap) shows its id, the probability the model gave it and the
// model's top tokens at that step. Tokens that together make one character (an emoji split into
// byte tokens) are drawn as one piece.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TokenEvent } from '@/lib/worker/client';
import { fmtPct } from '@/lib/widgets/number-format';
import { tint } from './TokenPieces';
import type { TokenText } from './use-tokenizer';
import './widgets.css';

export type GeneratedToken = Pick<TokenEvent, 'tokenId' | 'index' | 'prob' | 'top'>;

interface Piece {
  tokens: GeneratedToken[];
  text: string;
}

/** Groups tokens into pieces that decode to whole characters (an emoji may span several tokens). */
export function wholeCharacterPieces(tokens: readonly GeneratedToken[], decode: TokenText['decode']): Piece[] {
  const out: Piece[] = [];
  let pending: GeneratedToken[] = [];
  for (const t of tokens) {
    pending.push(t);
    const text = decode(pending.map((p) => p.tokenId));
    if (!text.includes('\uFFFD') || pending.length >= 4) {
      out.push({ tokens: pending, text });
      pending = [];
    }
  }
  if (pending.length) out.push({ tokens: pending, text: decode(pending.map((p) => p.tokenId)) });
  return out;
}

function describeStep(t: GeneratedToken, tokenLabel: TokenText['tokenLabel']): string {
  const own = t.prob === undefined ? '' : ` · the model gave it ${fmtPct(t.prob)}`;
  const top = t.top?.length
    ? ` · its top ${t.top.length} then: ${t.top.map((c) => `${tokenLabel(c.id)} ${fmtPct(c.prob)}`).join(', ')}`
    : '';
  return `New token ${t.index + 1}: ${tokenLabel(t.tokenId)} (id ${t.tokenId})${own}${top}`;
}

interface Props {
  prompt: string;
  tokens: readonly GeneratedToken[];
  busy: boolean;
  /** The tokenizer (loaded by the generator before it generates). */
  text: TokenText;
}

export default function GeneratedTokens({ prompt, tokens, busy, text }: Props) {
  const pieces = wholeCharacterPieces(tokens, text.decode);
  const [pointed, setPointed] = useState<number | null>(null);
  const [tabStop, setTabStop] = useState(0);
  const listRef = useRef<HTMLSpanElement>(null);
  const id = useId();
  const active = pointed !== null && pointed < pieces.length ? pointed : null;
  const stop = Math.min(tabStop, Math.max(0, pieces.length - 1));

  function onKey(e: KeyboardEvent<HTMLSpanElement>) {
    const from = active ?? stop;
    const to = { ArrowRight: from + 1, ArrowDown: from + 1, ArrowLeft: from - 1, ArrowUp: from - 1, Home: 0, End: pieces.length - 1 }[
      e.key
    ];
    if (to === undefined || pieces.length === 0) return;
    e.preventDefault();
    const j = Math.max(0, Math.min(pieces.length - 1, to));
    listRef.current?.querySelector<HTMLElement>(`[data-piece="${j}"]`)?.focus();
  }

  return (
    <>
      <div className="gen-output" aria-busy={busy} data-testid="generator-output">
        <span className="gen-output__prompt">{prompt}</span>
        <span
          ref={listRef}
          role="listbox"
          aria-label="Generated tokens"
          aria-orientation="horizontal"
          aria-describedby={`${id}-step`}
          onKeyDown={onKey}
        >
          {pieces.map((p, i) => (
            <span
              key={i}
              role="option"
              aria-selected={i === active}
              aria-label={p.tokens.map((t) => describeStep(t, text.tokenLabel)).join('; ')}
              tabIndex={i === stop ? 0 : -1}
              data-piece={i}
              data-ids={p.tokens.map((t) => t.tokenId).join(',')}
              className={`tok gen-token${i === active ? ' is-active' : ''}`}
              style={tint(p.tokens[0].index)}
              onMouseEnter={() => setPointed(i)}
              onClick={() => setPointed(i)}
              onFocus={() => {
                setPointed(i);
                setTabStop(i);
              }}
            >
              {p.text}
            </span>
          ))}
        </span>
      </div>
      <p className="muted gen-step" id={`${id}-step`} aria-live="polite" data-testid="generator-step">
        {active !== null
          ? pieces[active].tokens.map((t) => describeStep(t, text.tokenLabel)).join('; ')
          : tokens.length > 0
            ? 'Each framed piece is one token. Point at one (or tap it, or Tab to the text and use the arrow keys) to see its id and what else the model considered.'
            : ''}
      </p>
    </>
  );
}
