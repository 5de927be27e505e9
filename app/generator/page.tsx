import type { Metadata } from 'next';
import Link from '@/components/SiteLink';
import LiveWidget from '@/components/mdx/LiveWidget';

export const metadata: Metadata = { title: 'Generator' };

export default function GeneratorPage() {
  return (
    <div className="page prose">
      <h1>Generator</h1>
      <p className="lede">Let GPT-2 continue your text, running entirely in this browser tab.</p>
      <p>
        Temperature, top-k, top-p and the seed decide how each next token is drawn from the model&rsquo;s probabilities; the{' '}
        <Link href="/lessons/sampling/">Sampling</Link> lesson explains each of them.
      </p>
      <LiveWidget name="generator" standalone />
    </div>
  );
}
