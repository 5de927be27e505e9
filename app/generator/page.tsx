import type { Metadata } from 'next';
import LiveWidget from '@/components/mdx/LiveWidget';

export const metadata: Metadata = { title: 'Generator' };

export default function GeneratorPage() {
  return (
    <div className="page prose">
      <h1>Generator</h1>
      <p className="lede">Let GPT-2 continue your text, running entirely in this browser tab.</p>
      <LiveWidget name="generator" standalone />
    </div>
  );
}
