import type { LessonHeading as TocEntry } from '@/lib/content/lesson';

function Entries({ entries }: { entries: TocEntry[] }) {
  return (
    <ol>
      {entries.map((e) => (
        <li key={e.id} className={`toc--${e.depth}`}>
          <a href={`#${e.id}`}>{e.text}</a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The lesson's sections: `wide`, a sticky column beside the text on wide screens; `narrow`, a
 * collapsed list above the text on phones. The narrow one comes before the article in the page, so
 * a phone that paints the text while the page is still arriving never pushes it down to make room.
 */
export default function TableOfContents({ entries, layout }: { entries: TocEntry[]; layout: 'wide' | 'narrow' }) {
  if (entries.length === 0) return null;
  if (layout === 'wide') {
    return (
      <nav className="toc toc--wide" aria-labelledby="toc-title">
        <h2 id="toc-title">On this page</h2>
        <Entries entries={entries} />
      </nav>
    );
  }
  return (
    <details className="toc toc--narrow">
      <summary>On this page</summary>
      <nav aria-label="On this page (sections)">
        <Entries entries={entries} />
      </nav>
    </details>
  );
}
