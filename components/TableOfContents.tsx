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

/** The lesson's sections: a sticky column on wide screens, a collapsed list above the text on phones. */
export default function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <nav className="toc toc--wide" aria-labelledby="toc-title">
        <h2 id="toc-title">On this page</h2>
        <Entries entries={entries} />
      </nav>
      <details className="toc toc--narrow">
        <summary>On this page</summary>
        <nav aria-label="On this page (sections)">
          <Entries entries={entries} />
        </nav>
      </details>
    </>
  );
}
