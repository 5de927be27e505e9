'use client';
// The tokenizer playground's "BPE merges" panel: pick a chunk of the text, then step
// through bpeSteps one merge at a time. The last step is checked against encode.
import { useId, useMemo, useState } from 'react';
import { bpeSteps, encode, EOT_TEXT, tokenStrings } from '@/lib/tokenizer';
import { bpeFrame, MAX_WORD_LENGTH, wordChoices, type BpeFrame } from '@/lib/widgets/bpe-view';
import { showWhitespace } from '@/lib/widgets/visible-text';

const q = (s: string) => `‘${s}’`;

export default function BpeStepper({ text }: { text: string }) {
  const { words, defaultWord, tooLong } = useMemo(() => wordChoices(text), [text]);
  const [picked, setPicked] = useState<string | null>(null);
  const word = picked !== null && words.includes(picked) ? picked : defaultWord;
  const id = useId();

  return (
    <section className="bpe" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="wg-subtitle">
        <strong>BPE merges</strong> <span className="muted">— how one word becomes tokens</span>
      </p>
      {word === null ? (
        <p className="muted">Type some text to pick a word.</p>
      ) : (
        <>
          <label className="wg-field">
            <span>Word (a chunk of the pre-tokenized text)</span>
            <select value={words.indexOf(word)} onChange={(e) => setPicked(words[Number(e.target.value)])}>
              {words.map((w, i) => (
                <option key={i} value={i}>
                  {showWhitespace(w)}
                </option>
              ))}
            </select>
          </label>
          {tooLong > 0 ? (
            <p className="wg-note">
              {tooLong} chunk{tooLong === 1 ? ' is' : 's are'} longer than {MAX_WORD_LENGTH} characters and not listed.
            </p>
          ) : null}
          <Steps key={word} word={word} />
        </>
      )}
    </section>
  );
}

function Steps({ word }: { word: string }) {
  const steps = useMemo(() => bpeSteps(word), [word]);
  const ids = useMemo(() => encode(word), [word]);
  const [step, setStep] = useState(0);
  const f = bpeFrame(steps, step);
  const id = useId();
  const final = f.next === null;
  const matchesEncode = final && tokenStrings(ids).join('\u0000') === f.symbols.map((s) => s.text).join('\u0000');

  return (
    <div className="bpe-steps">
      <div className="wg-controls">
        <button type="button" className="btn wg-btn" onClick={() => setStep(step - 1)} disabled={step === 0}>
          Previous
        </button>
        <button type="button" className="btn wg-btn" onClick={() => setStep(step + 1)} disabled={final}>
          Next
        </button>
        <div className="wg-range">
          <label htmlFor={`${id}-step`}>Merge step</label>{' '}
          <span className="wg-value" aria-hidden="true">
            {step} <span className="muted">of {f.lastStep}</span>
          </span>
          <input
            id={`${id}-step`}
            type="range"
            min={0}
            max={f.lastStep}
            step={1}
            value={step}
            aria-valuetext={`${step} of ${f.lastStep}`}
            disabled={f.lastStep === 0}
            onChange={(e) => setStep(Number(e.target.value))}
          />
        </div>
      </div>
      <ol className="bpe-symbols" aria-label={`Symbols after step ${step}`}>
        {f.symbols.map((s, i) => (
          <li key={i} className={['bpe-sym', s.next && 'is-next', s.justMerged && 'is-new'].filter(Boolean).join(' ')}>
            {s.next === 'right' ? (
              <span className="bpe-plus" aria-hidden="true">
                +
              </span>
            ) : null}
            <code>{s.text}</code>
            {matchesEncode ? <small className="bpe-id">{ids[i]}</small> : null}
          </li>
        ))}
      </ol>
      <p className="wg-detail" aria-live="polite">
        {explain(f, word, ids, matchesEncode)}
      </p>
    </div>
  );
}

function explain(f: BpeFrame, word: string, ids: number[], matchesEncode: boolean): string {
  if (word === EOT_TEXT) return `${EOT_TEXT} is a special token, id ${ids[0]}: it is added whole, never built by merges.`;
  const before = f.previous
    ? `Merged #${f.previous.rank}: ${q(f.previous.left)} + ${q(f.previous.right)} → ${q(f.previous.left + f.previous.right)}.`
    : `Start: the ${f.symbols.length} UTF-8 bytes of ${JSON.stringify(word)}, each written as its byte-level character (Ġ is a space).`;
  if (f.next) {
    return `${before} Next, the lowest-ranked adjacent pair: merge #${f.next.rank}: ${q(f.next.left)} + ${q(f.next.right)} → ${q(f.next.left + f.next.right)} (id ${f.next.id}).`;
  }
  const end = matchesEncode
    ? `No adjacent pair is in the merge list, so BPE stops: these ${ids.length} symbols are exactly the tokens encode gives, ids ${ids.join(', ')}.`
    : `BPE stops here, but encode gives ${ids.join(', ')}: this should not happen; please report it.`;
  return `${before} ${end}`;
}
