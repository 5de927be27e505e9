import type { Metadata } from 'next';
import ImportedDecks from '@/components/study/ImportedDecks';
import NoteImporter from '@/components/study/NoteImporter';
import StorageBanner from '@/components/study/StorageBanner';
import SyntaxGuide from '@/components/study/SyntaxGuide';

export const metadata: Metadata = { title: 'Import notes' };

export default function ImportPage() {
  return (
    <div className="page prose">
      <h1>Import your notes</h1>
      <p className="lede">
        Turn your own Markdown notes (an Obsidian note, a text file) into flashcards that are reviewed with the pamphlet’s. They stay in
        this browser; nothing is uploaded.
      </p>
      <StorageBanner />
      <NoteImporter />
      <h2 id="your-decks">Your decks</h2>
      <ImportedDecks />
      <SyntaxGuide />
    </div>
  );
}
