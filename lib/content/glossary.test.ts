// The glossary: every term the pamphlet needs, each defined in one to three sentences, each link
// pointing at a real lesson heading, and its numbers GPT-2 small's own.
import { describe, expect, it } from 'vitest';
import { GPT2_SMALL, headSize } from '@/lib/model/config';
import { GLOSSARY } from './glossary';
import { lessonHeadings, parseLessonTree } from './lesson';
import { listLessons, readLessonSource } from './lessons';
import { brokenLinkReason } from './links';

const TERMS = [
  'Token',
  'Token id',
  'Embedding',
  'Position embedding',
  'Logit',
  'Softmax',
  'Residual stream',
  'Attention head',
  'Block',
  'Context window',
  'Causal mask',
  'KV cache',
  'LayerNorm',
  'BPE (byte-pair encoding)',
  'Cross-entropy',
  'Perplexity',
  'Temperature',
  'Query, key, value',
];

describe('glossary', () => {
  it('defines every term, once, with a unique anchor', () => {
    expect(GLOSSARY.map((e) => e.term).sort()).toEqual([...TERMS].sort());
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
  });

  it.each(GLOSSARY.map((e) => [e.term, e] as const))('%s: one to three sentences', (_term, e) => {
    const sentences = e.definition.split(/(?<=[.!?])\s+(?=[A-Z0-9])/).length;
    expect(sentences).toBeGreaterThanOrEqual(1);
    expect(sentences).toBeLessThanOrEqual(3);
  });

  it('every link points at a heading of a lesson', () => {
    const anchors = new Map(
      listLessons().map((l) => [l.slug, new Set(lessonHeadings(parseLessonTree(readLessonSource(l.slug))).map((h) => h.id))]),
    );
    const broken = GLOSSARY.map((e) => [e.term, brokenLinkReason(e.taughtIn.href, '', anchors)]).filter(([, r]) => r);
    expect(broken).toEqual([]);
  });

  it("its numbers are GPT-2 small's", () => {
    const text = (id: string) => GLOSSARY.find((e) => e.id === id)!.definition;
    const n = (x: number) => x.toLocaleString('en-US');
    const { vocabSize: V, nEmbd: C, blockSize, nHead, nLayer } = GPT2_SMALL;
    expect(text('token-id')).toContain(`from 0 to ${n(V - 1)}`);
    expect(text('bpe')).toContain(`256 bytes, ${n(V - 256 - 1)} merges and <|endoftext|> give the ${n(V)} tokens`);
    expect(text('embedding')).toContain(`${n(V)} × ${C}`);
    expect(text('position-embedding')).toContain(`0 to ${n(blockSize - 1)} (the ${n(blockSize)} × ${C} matrix wpe)`);
    expect(text('logit')).toContain(`${n(V)} in all`);
    expect(text('attention-head')).toContain(`${headSize(GPT2_SMALL)} numbers each. GPT-2 small has ${nHead} heads per block`);
    expect(text('attention-head')).toContain(`back to ${C} numbers`);
    expect(text('block')).toContain(`stacks ${nLayer} of them, h.0 to h.${nLayer - 1}`);
    expect(text('context-window')).toContain(`block_size = ${n(blockSize)}`);
    expect(text('layernorm')).toContain(`${C} numbers`);
    expect(text('query-key-value')).toContain(`q·k/√${headSize(GPT2_SMALL)}`);
    expect(text('cross-entropy')).toContain(`ln ${n(V)} ≈ ${Math.log(V).toFixed(1)}`);
  });
});
