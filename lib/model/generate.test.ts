import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from './demo-checkpoint';
import { demoCheckpoint, demoDecoder, HELLO_IDS } from '@/test/fixtures/demo-model';
import type { Decoder } from './decoder';
import { fitPrompt, generate, type GenerateOptions } from './generate';
import { referenceForward } from './reference';
import { argmax, softmax, topIndices } from './sampling';

let decoder: Decoder;
beforeAll(async () => {
  decoder = await demoDecoder();
});

async function ids(d: Decoder, prompt: number[], opts: GenerateOptions): Promise<number[]> {
  const out: number[] = [];
  for await (const t of generate(d, prompt, opts)) out.push(t.id);
  return out;
}

/** A stand-in decoder: scripted logits, records calls. Enough for the loop logic. */
function fakeDecoder(blockSize: number, next: (call: number) => number) {
  const calls: string[] = [];
  const tokens: number[] = [];
  let n = 0;
  const logitsFor = () => {
    const l = new Float32Array(50257);
    l[next(n++)] = 1;
    return l;
  };
  const d = {
    config: { ...DEMO_CONFIG, blockSize },
    tokens,
    get length() {
      return tokens.length;
    },
    async prefill(ids: number[]) {
      calls.push(`prefill(${ids.length})`);
      tokens.length = 0;
      tokens.push(...ids);
      return logitsFor();
    },
    async step(id: number) {
      calls.push('step');
      tokens.push(id);
      return logitsFor();
    },
  };
  return { decoder: d as unknown as Decoder, calls, tokens };
}

describe('generate', () => {
  it('yields { id, index, ms } with ms from the injected clock', async () => {
    let clock = 0;
    const out = [];
    for await (const t of generate(decoder, HELLO_IDS, { maxNewTokens: 3, greedy: true, now: () => (clock += 5) })) out.push(t);
    expect(out.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(out.every((t) => t.ms === 5)).toBe(true);
  });

  it('with topN, reports the chosen token’s probability and the top tokens at temperature 1', async () => {
    const opts = { maxNewTokens: 3, temperature: 0.7, topK: 40, seed: 5, stopAtEot: false };
    const out = [];
    for await (const t of generate(decoder, HELLO_IDS, { ...opts, topN: 4 })) out.push(t);
    // the same tokens as without topN (the report does not touch the rng)
    expect(out.map((t) => t.id)).toEqual(await ids(decoder, HELLO_IDS, opts));
    let logits = await decoder.prefill(HELLO_IDS);
    for (const t of out) {
      const p = softmax(logits);
      expect(t.top!.map((c) => c.id)).toEqual(topIndices(p, 4));
      expect(t.top![0].prob).toBeCloseTo(Math.max(...p), 12);
      expect(t.prob).toBeCloseTo(p[t.id], 12);
      logits = await decoder.step(t.id);
    }
    for await (const t of generate(decoder, HELLO_IDS, { maxNewTokens: 1, greedy: true })) expect(t.top).toBeUndefined();
  });

  it('without the KV cache: the same tokens, each from a forward pass over the whole sequence', async () => {
    const opts = { maxNewTokens: 6, temperature: 0.8, topK: 20, seed: 3, stopAtEot: false };
    expect(await ids(decoder, HELLO_IDS, { ...opts, kvCache: false })).toEqual(await ids(decoder, HELLO_IDS, opts));
    const f = fakeDecoder(64, (n) => n);
    await ids(f.decoder, [1, 2, 3], { maxNewTokens: 3, greedy: true, kvCache: false });
    expect(f.calls).toEqual(['prefill(3)', 'prefill(4)', 'prefill(5)']);
  });

  it('greedy equals the argmax loop', async () => {
    const got = await ids(decoder, HELLO_IDS, { maxNewTokens: 8, greedy: true });
    let logits = await decoder.prefill(HELLO_IDS);
    const want: number[] = [];
    while (want.length < 8) {
      want.push(argmax(logits));
      logits = await decoder.step(want.at(-1)!);
    }
    expect(got).toEqual(want);
  });

  it('same seed → same ids; another seed → other ids', async () => {
    const opts = { maxNewTokens: 12, temperature: 1, topK: 50, topP: 0.95, stopAtEot: false };
    const a = await ids(decoder, HELLO_IDS, { ...opts, seed: 11 });
    expect(await ids(decoder, HELLO_IDS, { ...opts, seed: 11 })).toEqual(a);
    expect(await ids(decoder, HELLO_IDS, { ...opts, seed: 12 })).not.toEqual(a);
  });

  it('stops promptly when the signal aborts', async () => {
    const ctrl = new AbortController();
    const out: number[] = [];
    let steps = 0;
    const counting = Object.create(decoder, { step: { value: (id: number) => (steps++, decoder.step(id)) } }) as Decoder;
    for await (const t of generate(counting, HELLO_IDS, { maxNewTokens: 50, greedy: true, signal: ctrl.signal })) {
      out.push(t.id);
      if (out.length === 3) ctrl.abort();
    }
    expect(out).toHaveLength(3);
    expect(steps).toBe(2); // no forward pass after the abort
    const aborted = AbortSignal.abort();
    expect(await ids(decoder, HELLO_IDS, { maxNewTokens: 5, greedy: true, signal: aborted })).toEqual([]);
  });

  it('stops after <|endoftext|> when asked, continues past it otherwise', async () => {
    const eotThird = (n: number) => (n === 2 ? 50256 : 100 + n);
    expect(await ids(fakeDecoder(64, eotThird).decoder, [1, 2], { maxNewTokens: 6, greedy: true })).toEqual([100, 101, 50256]);
    expect(await ids(fakeDecoder(64, eotThird).decoder, [1, 2], { maxNewTokens: 5, greedy: true, stopAtEot: false })).toEqual([
      100, 101, 50256, 103, 104,
    ]);
  });

  it('slides a full window by re-encoding its last windowKeep tokens', async () => {
    const f = fakeDecoder(8, (n) => 100 + n);
    await ids(f.decoder, [1, 2, 3, 4, 5, 6], { maxNewTokens: 8, greedy: true, windowKeep: 5 });
    // 6 prompt + 2 steps fill 8; the next token re-prefills 5 (4 kept + new); then 3 steps fill 8 again...
    expect(f.calls).toEqual(['prefill(6)', 'step', 'step', 'prefill(5)', 'step', 'step', 'step', 'prefill(5)']);
  });

  it('keeps the tail of a prompt longer than the window', () => {
    const long = Array.from({ length: 40 }, (_, i) => i);
    expect(fitPrompt(long, 32, 4)).toEqual(long.slice(-28)); // blockSize − maxNewTokens
    expect(fitPrompt(long, 32, 30)).toEqual(long.slice(-16)); // at least half the window
    expect(fitPrompt(long.slice(0, 10), 32, 30)).toHaveLength(10);
    expect(fitPrompt([], 32, 5)).toEqual([50256]);
  });

  it('real model: sliding equals the reference run on the same windows', async () => {
    const cfg = { ...DEMO_CONFIG, blockSize: 16 };
    const small = await demoDecoder(cfg);
    const { weights } = demoCheckpoint(cfg);
    const got = await ids(small, [464, 2068, 7586, 21831, 18045], { maxNewTokens: 30, greedy: true, windowKeep: 10, stopAtEot: false });
    const want: number[] = [];
    let ctx = [464, 2068, 7586, 21831, 18045];
    while (want.length < 30) {
      const id = argmax(referenceForward(cfg, weights, ctx, { lastOnly: true }).logits);
      want.push(id);
      ctx = ctx.length >= 16 ? [...ctx.slice(-9), id] : [...ctx, id];
    }
    expect(got).toEqual(want);
    await expect(ids(small, new Array(40).fill(262), { maxNewTokens: 2, greedy: true })).resolves.toHaveLength(2);
  });
});
