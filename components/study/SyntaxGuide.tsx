// The accepted note syntax (lib/notes/SYNTAX.md), read at build time and rendered on the server
// with the cards' own escaping Markdown renderer: the same text the library documents, no second copy.

import fs from 'node:fs';
import path from 'node:path';
import { markdownHtml } from '@/lib/cards/card-html';
import { syntaxBlocks, type SyntaxBlock } from './syntax-doc';

const SYNTAX_FILE = path.join(process.cwd(), 'lib', 'notes', 'SYNTAX.md');

function Block({ block, labelled }: { block: SyntaxBlock; labelled: boolean }) {
  if (block.kind === 'heading') {
    // The file's title is the section's heading; its ## headings sit one level below.
    const Tag = block.level <= 1 ? 'h2' : 'h3';
    return <Tag id={labelled ? 'syntax' : undefined}>{block.text}</Tag>;
  }
  if (block.kind === 'markdown') return <div dangerouslySetInnerHTML={{ __html: markdownHtml(block.text) }} />;
  return (
    <table>
      <thead>
        <tr>
          {block.head.map((h, i) => (
            <th key={i} scope="col" dangerouslySetInnerHTML={{ __html: markdownHtml(h) }} />
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} dangerouslySetInnerHTML={{ __html: markdownHtml(cell) }} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SyntaxGuide() {
  const blocks = syntaxBlocks(fs.readFileSync(SYNTAX_FILE, 'utf8'));
  const title = blocks.findIndex((b) => b.kind === 'heading');
  return (
    <section className="syntax-guide" aria-labelledby="syntax">
      {blocks.map((b, i) => (
        <Block key={i} block={b} labelled={i === title} />
      ))}
    </section>
  );
}
