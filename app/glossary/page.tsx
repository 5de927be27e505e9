import type { Metadata } from 'next';
import Link from '@/components/SiteLink';
import { GLOSSARY } from '@/lib/content/glossary';

export const metadata: Metadata = { title: 'Glossary' };

export default function GlossaryPage() {
  return (
    <div className="page prose">
      <h1>Glossary</h1>
      <p className="lede">The terms of this pamphlet, each in a few sentences, with the lesson section that teaches it.</p>
      <dl className="glossary">
        {GLOSSARY.map((e) => (
          <div key={e.id} className="glossary__entry">
            <dt id={e.id}>{e.term}</dt>
            <dd>
              {e.definition} <Link href={e.taughtIn.href}>{e.taughtIn.label}</Link>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
