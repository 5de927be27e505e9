import type { Metadata } from 'next';
import { listLessons } from '@/lib/content/lessons';
import { loadDeck } from '@/lib/content/extract-cards';
import { cardFaces } from '@/lib/cards/card-html';
import AnkiExportPanel from '@/components/study/AnkiExportPanel';
import BackupPanel from '@/components/study/BackupPanel';
import DeckBrowser from '@/components/study/DeckBrowser';
import StorageBanner from '@/components/study/StorageBanner';
import StoragePanel from '@/components/offline/StoragePanel';

export const metadata: Metadata = { title: 'Deck' };

export default async function DeckPage() {
  const cards = await loadDeck('content');
  const lessons = listLessons().map(({ slug, title }) => ({ slug, title }));
  return (
    <div className="page prose">
      <h1>Deck</h1>
      <p className="lede">Every card in the pamphlet and your own, the export to Anki, and backups of your progress.</p>
      <nav aria-label="Deck page sections" className="ui deck-jump">
        <a href="#cards">Browse and search the cards</a> · <a href="#export">Export to Anki</a> · <a href="#backup">Backup</a> ·{' '}
        <a href="#storage">Offline and storage</a>
      </nav>
      <StorageBanner />

      <h2 id="export">Export to Anki</h2>
      <AnkiExportPanel lessonCards={cards} lessons={lessons} />
      <h3 id="anki-how-to">How to import into Anki</h3>
      <ol className="ui">
        <li>
          In Anki (desktop, or AnkiDroid / AnkiMobile), choose <strong>File → Import</strong> and pick the downloaded file.
        </li>
        <li>
          If you exported with your progress, tick <strong>Import any learning progress</strong> in the import dialog (Anki 23.10 and later)
          so your review history and FSRS state come along.
        </li>
        <li>
          Importing again later updates the same notes instead of duplicating them: every card keeps a stable id. The .txt file is for
          Anki’s text import and uses Anki’s built-in note types.
        </li>
      </ol>

      <h2 id="backup">Backup</h2>
      <p>
        Your progress lives in this browser only. Export it to move to another browser or to keep a copy; importing a backup replaces what
        is here.
      </p>
      <BackupPanel />

      <h2 id="storage">Offline and storage</h2>
      <StoragePanel />

      <h2 id="cards">Cards</h2>
      {/* The lesson cards' fronts are rendered here, at build time: the page does not load the renderer for them. */}
      <DeckBrowser lessonCards={cards} fronts={Object.fromEntries(cards.map((c) => [c.id, cardFaces(c, 'all').front]))} />
    </div>
  );
}
