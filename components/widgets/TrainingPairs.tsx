'use client';
// Training-pairs maker: a Shakespeare excerpt → GPT-2 tokens → one chunk x, y (shifted
// by one) → the block_size (context → next token) examples inside it, as nanoGPT's
// get_batch makes them. Every id comes from @/lib/tokenizer.
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { tokenize } from '@/lib/tokenizer';
import { SONNET_18, type Excerpt } from '@/lib/tokenizer/shakespeare';
import { chunk, examples, lastChunkStart } from '@/lib/tokenizer/training-pairs';
import { tokenRows, type TokenRow } from '@/lib/widgets/token-rows';
import { TokenPieces, tint } from './TokenPieces';
import './widgets.css';

const MAX_BLOCK_SIZE = 16;
const DEFAULT_BLOCK_SIZE = 8;

const fmt = (n: number) => n.toLocaleString('en-US');

/** A token as an inline chip, in the colour of its position in the excerpt. */
function Tok({ row, className = '' }: { row: TokenRow; className?: string }) {
  return (
    <span className={`tok ${className}`} style={tint(row.index)}>
      <TokenPieces pieces={row.pieces} />
    </span>
  );
}

/** Tokens as chips, read by a screen reader as their JSON text. */
function Toks({ rows }: { rows: readonly TokenRow[] }) {
  const json = JSON.stringify(rows.map((r) => JSON.parse(r.json) as string).join(''));
  return (
    <>
      <span className="wg-sr-only">{json}</span>
      <span aria-hidden="true">
        {rows.map((r) => (
          <Fragment key={r.index}>
            <Tok row={r} />
            <wbr />
          </Fragment>
        ))}
      </span>
    </>
  );
}

export default function TrainingPairs({ excerpt = SONNET_18 }: { excerpt?: Excerpt }) {
  const rows = useMemo(() => {
    const spans = tokenize(excerpt.text);
    return tokenRows(excerpt.text, spans, spans.length);
  }, [excerpt.text]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const [blockSize, setBlockSize] = useState(DEFAULT_BLOCK_SIZE);
  const [start, setStart] = useState(0);
  const id = useId();
  const stripRef = useRef<HTMLParagraphElement>(null);

  const last = lastChunkStart(ids.length, blockSize);
  const i = Math.max(0, Math.min(start, last));

  // Keep the chunk in view inside the token strip (its own scroll box, never the page).
  useEffect(() => {
    const strip = stripRef.current;
    const first = strip?.querySelector<HTMLElement>('.tok--x');
    if (!strip || !first) return;
    const top = first.offsetTop;
    if (top < strip.scrollTop || top + first.offsetHeight > strip.scrollTop + strip.clientHeight) strip.scrollTop = top - 8;
  }, [i, blockSize]);

  if (last < 0) {
    return (
      <section className="widget ui wg trp wg-size--training-pairs" aria-label="Training-pairs maker">
        <p>The excerpt has only {ids.length} tokens: too few for a chunk.</p>
      </section>
    );
  }
  const { x, y } = chunk(ids, i, blockSize);
  const pairs = examples(x, y);
  const inChunk = (k: number) => (k >= i && k < i + blockSize ? 'tok--x' : k === i + blockSize ? 'tok--y' : '');

  return (
    <section className="widget ui wg trp wg-size--training-pairs" aria-label="Training-pairs maker">
      <p className="wg-subtitle">
        <strong>{excerpt.title}</strong>, {excerpt.author} <span className="muted">({excerpt.source})</span> →{' '}
        <strong>{fmt(ids.length)}</strong> GPT-2 tokens
      </p>
      <blockquote className="wg-sr-only">{excerpt.text}</blockquote>
      <p ref={stripRef} className="trp-tokens" aria-hidden="true">
        {rows.map((row) => (
          <Fragment key={row.index}>
            <Tok row={row} className={inChunk(row.index)} />
            <wbr />
          </Fragment>
        ))}
      </p>

      <div className="wg-controls">
        <div className="wg-range">
          <label htmlFor={`${id}-bs`}>block_size</label>{' '}
          <span className="wg-value" aria-hidden="true">
            {blockSize}
          </span>
          <input
            id={`${id}-bs`}
            type="range"
            min={1}
            max={MAX_BLOCK_SIZE}
            step={1}
            value={blockSize}
            onChange={(e) => {
              const b = Number(e.target.value);
              setBlockSize(b);
              setStart(Math.min(i, Math.max(0, lastChunkStart(ids.length, b))));
            }}
          />
        </div>
        <div className="wg-range">
          <label htmlFor={`${id}-start`}>Chunk start i</label>{' '}
          <span className="wg-value" aria-hidden="true">
            {i} <span className="muted">(0–{last})</span>
          </span>
          <input
            id={`${id}-start`}
            type="range"
            min={0}
            max={last}
            step={1}
            value={i}
            aria-valuetext={`${i} of ${last}, at token ${rows[i].json}`}
            onChange={(e) => setStart(Number(e.target.value))}
          />
        </div>
        <div className="wg-buttons">
          <button type="button" className="btn wg-btn" onClick={() => setStart(i - 1)} disabled={i === 0}>
            Previous
          </button>
          <button type="button" className="btn wg-btn" onClick={() => setStart(i + 1)} disabled={i === last}>
            Next
          </button>
          <button type="button" className="btn wg-btn" onClick={() => setStart(Math.floor(Math.random() * (last + 1)))}>
            Random chunk
          </button>
        </div>
      </div>

      <p className="wg-detail">
        <code>
          x = tokens[{i} : {i + blockSize}]
        </code>{' '}
        are the inputs (solid outline above) and{' '}
        <code>
          y = tokens[{i + 1} : {i + blockSize + 1}]
        </code>{' '}
        the targets: x shifted left by one, so y ends one token later (the dashed one).
      </p>

      <div className="wg-table-wrap" role="region" aria-labelledby={`${id}-chunk`} tabIndex={0}>
        <table className="wg-table trp-chunk">
          <caption id={`${id}-chunk`}>
            <span className="wg-caption">{`One chunk: inputs x and targets y, block_size = ${blockSize}`}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">t</th>
              {x.map((_, t) => (
                <th key={t} scope="col" className="wg-num">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['x', x, i],
                ['y', y, i + 1],
              ] as const
            ).map(([name, chunkIds, from]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {chunkIds.map((tokenId, t) => (
                  <td key={t}>
                    <Toks rows={[rows[from + t]]} />
                    <small className="trp-id">{tokenId}</small>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="wg-table-wrap trp-examples-wrap" role="region" aria-labelledby={`${id}-ex`} tabIndex={0}>
        <table className="wg-table trp-examples">
          <caption id={`${id}-ex`}>
            <span className="wg-caption">{`The ${blockSize} training example${blockSize === 1 ? '' : 's'} inside this chunk: context x[0..t] → target y[t]`}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">t</th>
              <th scope="col">Context x[0..t]: tokens, ids</th>
              <th scope="col">→ Target y[t]: token, id</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map(({ t, context, target }) => (
              <tr key={t} data-example={t} data-target-id={target}>
                <td className="wg-num">{t}</td>
                <td className="trp-context">
                  <Toks rows={rows.slice(i, i + context.length)} />
                  <code className="trp-ids">{`[${context.join(', ')}]`}</code>
                </td>
                <td>
                  <Toks rows={[rows[i + t + 1]]} />
                  <small className="trp-id">{target}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="wg-note">
        One chunk of block_size + 1 tokens trains block_size predictions at once (the causal mask keeps each position from seeing its
        target). The real GPT-2 uses block_size = 1024.
      </p>
    </section>
  );
}
