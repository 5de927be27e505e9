import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Deck' };

export default function DeckPage() {
  return (
    <div className="page prose">
      <h1>Deck</h1>
      <p className="lede">Every card in the pamphlet, and the export to Anki.</p>
    </div>
  );
}
