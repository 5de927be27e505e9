// A token drawn inline: its pieces with glyphs for whitespace and, for a token that cuts a
// character, the character with this token's bytes of it in hex. Shared by the widgets.
import type { CSSProperties } from 'react';
import { tokenColor } from '@/lib/tokenizer/token-colors';
import type { Piece } from '@/lib/widgets/visible-text';

/** The `--tok` custom property that widgets.css tints a token with. */
export const tint = (index: number) => ({ '--tok': tokenColor(index) }) as CSSProperties;

export function PieceView({ piece }: { piece: Piece }) {
  switch (piece.kind) {
    case 'text':
      return <>{piece.text}</>;
    case 'space':
      return (
        <>
          <span className="tok-ws" aria-hidden="true">
            {piece.text}
          </span>
          {piece.newline ? '\n' : null}
        </>
      );
    case 'invisible':
      return <span className="tok-invisible">{piece.text}</span>;
    case 'part':
      return (
        <span className="tok-part" title={`bytes ${piece.from + 1}–${piece.to} of the ${piece.of} bytes of “${piece.text}”`}>
          {piece.text}
          <span className="tok-hex">{piece.hex}</span>
        </span>
      );
  }
}

export function TokenPieces({ pieces }: { pieces: readonly Piece[] }) {
  return (
    <>
      {pieces.map((p, k) => (
        <PieceView key={k} piece={p} />
      ))}
    </>
  );
}
