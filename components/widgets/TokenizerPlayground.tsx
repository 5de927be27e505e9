'use client';
// Tokenizer playground: text → GPT-2 tokens (coloured spans, counts, a table), and the
// BPE merges of one word. Every number comes from @/lib/tokenizer.
import { Fragment, useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EOT_ID } from '@/lib/tokenizer';
import { describeToken, MAX_ROWS, tokenRows, type TokenRow } from '@/lib/widgets/token-rows';
import { tokenizeHead } from '@/lib/widgets/tokenize-head';
import { textStats } from '@/lib/widgets/visible-text';
import BpeStepper from './BpeStepper';
import { TokenPieces, tint } from './TokenPieces';
import './widgets.css';

const DEFAULT_TEXT = "GPT-2 doesn't read letters: tokenization turns text into numbers.";
/** Longer pastes are cut by the textarea (encoding 100k characters takes ~0.1 s). */
const MAX_CHARS = 100_000;

const PRESETS = [
  { label: 'Numbers', text: '2026 is 2,026 and 12345678' },
  { label: 'Leading spaces', text: 'hello\n hello\nHello\n HELLO' },
  { label: 'Emoji', text: 'I ❤️ 🦙s' },
  { label: 'Other scripts', text: '日本語 and Ελληνικά' },
  { label: 'Code', text: 'def forward(self, x):\n    return x' },
  { label: '<|endoftext|>', text: 'The end.<|endoftext|>A new document begins.' },
] as const;

const fmt = (n: number) => n.toLocaleString('en-US');

function tokenClass(row: TokenRow, active: boolean): string {
  return ['tok', row.partial && 'tok--partial', row.special && 'tok--special', active && 'is-active'].filter(Boolean).join(' ');
}

export default function TokenizerPlayground({ initialText = DEFAULT_TEXT }: { initialText?: string }) {
  const [text, setText] = useState(initialText);
  const shown = useDeferredValue(text); // typing stays responsive while a long text re-tokenizes
  const { spans, total } = useMemo(() => tokenizeHead(shown, MAX_ROWS), [shown]);
  const rows = useMemo(() => tokenRows(shown, spans, MAX_ROWS), [shown, spans]);
  const stats = useMemo(() => textStats(shown), [shown]);

  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [tabStop, setTabStop] = useState(0);
  const inRange = (i: number | null) => (i !== null && i < rows.length ? i : null);
  const active = inRange(hovered) ?? inRange(focused);
  const stop = Math.min(tabStop, Math.max(0, rows.length - 1));

  const textRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const id = useId();

  /** Scrolls the table (not the page) so row i is visible. */
  function revealRow(i: number) {
    const wrap = tableRef.current;
    const row = wrap?.querySelector<HTMLElement>(`[data-row="${i}"]`);
    if (!wrap || !row) return;
    if (row.offsetTop < wrap.scrollTop + 32 || row.offsetTop + row.offsetHeight > wrap.scrollTop + wrap.clientHeight) {
      wrap.scrollTop = row.offsetTop - wrap.clientHeight / 2;
    }
  }

  function onTokenKey(e: KeyboardEvent<HTMLDivElement>) {
    const from = inRange(focused) ?? stop;
    const moves: Partial<Record<string, number>> = {
      ArrowRight: from + 1,
      ArrowDown: from + 1,
      ArrowLeft: from - 1,
      ArrowUp: from - 1,
      Home: 0,
      End: rows.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined || rows.length === 0) return;
    e.preventDefault();
    const j = Math.max(0, Math.min(rows.length - 1, to));
    textRef.current?.querySelector<HTMLElement>(`[data-index="${j}"]`)?.focus();
  }

  const activeRow = active === null ? null : rows[active];
  const hasPartial = rows.some((r) => r.partial);
  const hasSpecial = rows.some((r) => r.special);

  return (
    <section className="widget ui wg tp wg-size--tokenizer" aria-label="Tokenizer playground">
      <div className="tp-input">
        <label htmlFor={`${id}-text`} className="wg-label">
          Text to tokenize
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={3}
          maxLength={MAX_CHARS}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="wg-buttons" role="group" aria-label="Examples">
          {PRESETS.map((p) => (
            <button key={p.label} type="button" className="btn wg-btn" aria-pressed={text === p.text} onClick={() => setText(p.text)}>
              {p.label}
            </button>
          ))}
        </div>
      </div>

      <p className="wg-counts" aria-live="polite">
        <strong>{fmt(total)}</strong> token{total === 1 ? '' : 's'} · <strong>{fmt(stats.codePoints)}</strong> characters (Unicode code
        points) · <strong>{fmt(stats.utf8Bytes)}</strong> UTF-8 bytes
        {text !== shown ? <span className="muted"> · updating…</span> : null}
      </p>
      {total > rows.length ? (
        <p className="wg-note" role="note">
          Showing the first {fmt(rows.length)} of {fmt(total)} tokens; the counts above cover the whole text.
        </p>
      ) : null}

      <div
        ref={textRef}
        className="tp-text"
        role="listbox"
        aria-label="Tokens"
        aria-orientation="horizontal"
        aria-describedby={`${id}-help`}
        onKeyDown={onTokenKey}
      >
        {rows.length === 0 ? <span className="muted">No tokens: the text is empty.</span> : null}
        {rows.map((row) => (
          <Fragment key={row.index}>
            <span
              role="option"
              aria-selected={row.index === active}
              aria-label={describeToken(row, total)}
              tabIndex={row.index === stop ? 0 : -1}
              data-index={row.index}
              className={tokenClass(row, row.index === active)}
              style={tint(row.index)}
              onMouseEnter={() => setHovered(row.index)}
              onMouseLeave={() => setHovered(null)}
              onFocus={() => {
                setFocused(row.index);
                setTabStop(row.index);
                revealRow(row.index);
              }}
              onBlur={() => setFocused(null)}
            >
              <TokenPieces pieces={row.pieces} />
            </span>
            <wbr />
          </Fragment>
        ))}
      </div>
      <p id={`${id}-help`} className="wg-detail">
        {activeRow ? (
          <>
            {describeToken(activeRow, total)} · vocab <code>{activeRow.vocab}</code> · bytes <code>{activeRow.hex}</code>
          </>
        ) : (
          'Hover or tap a token, or Tab into the tokens and move with the arrow keys, to see its id and bytes.'
        )}
      </p>
      <p className="wg-note">
        <span className="tok-ws">·</span> marks a space and <span className="tok-ws">↵</span> a newline. GPT-2’s vocabulary writes every
        byte as a printable character, so there a leading space is <code>Ġ</code> and a newline <code>Ċ</code>.
        {hasPartial ? (
          <>
            {' '}
            A <span className="tok tok--partial tok--legend">dashed</span> token is <strong>part of a character</strong>: BPE works on UTF-8
            bytes, and this character’s bytes are split across tokens (its bytes are shown in hex).
          </>
        ) : null}
        {hasSpecial ? (
          <>
            {' '}
            <code>&lt;|endoftext|&gt;</code> is one special token, id {EOT_ID}: it marks a document boundary and is never built by merges.
          </>
        ) : null}
      </p>

      <div ref={tableRef} className="wg-table-wrap tp-table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="wg-table">
          <caption id={`${id}-caption`}>
            <span className="wg-caption">{`Tokens of the text${total > rows.length ? ` (first ${fmt(rows.length)} of ${fmt(total)})` : ''}`}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Index</th>
              <th scope="col">Text (JSON)</th>
              <th scope="col">Vocab string</th>
              <th scope="col">ID</th>
              <th scope="col">Bytes (hex)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.index}
                data-row={row.index}
                data-token-id={row.id}
                className={row.index === active ? 'is-active' : undefined}
                onMouseEnter={() => setHovered(row.index)}
                onMouseLeave={() => setHovered(null)}
              >
                <td className="wg-num">
                  <span className="tok-swatch" style={tint(row.index)} aria-hidden="true" />
                  {row.index}
                </td>
                <td>
                  <code>{row.json}</code>
                  {row.partial ? <span className="badge wg-badge">part of {row.cut}</span> : null}
                  {row.special ? <span className="badge wg-badge">special</span> : null}
                </td>
                <td>
                  <code>{row.vocab}</code>
                </td>
                <td className="wg-num">{row.id}</td>
                <td>
                  <code>{row.hex}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <BpeStepper text={shown} />
    </section>
  );
}
