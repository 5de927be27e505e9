// Numbers shown to learners must be true: the architecture lesson's parameter table and config
// values are checked against the model library's own config and parameter count, and the token ids
// the tokenization lesson quotes against the tokenizer.
import { describe, expect, test } from 'vitest';
import { countParameters, GPT2_SMALL, headSize, toHFConfig } from '@/lib/model/config';
import { filterCandidates, softmax } from '@/lib/model/sampling';
import { gelu } from '@/lib/model/reference';
import { byteToUnicode, decode, encode, idOfTokenString, tokenString, VOCAB_SIZE } from '@/lib/tokenizer';
import { DEMO_CONFIG } from '@/lib/model/demo-checkpoint';
import { DEMO_TRAINING } from '@/lib/train/demo';
import { buildCorpus, tokenizeDocuments } from '@/lib/train/corpus';
import { CORIOLANUS_OPENING } from '@/lib/tokenizer/shakespeare';
import { lessonDocuments } from '@/scripts/train-corpus';
import { readLessonSource } from './lessons';
import { SAMPLE_EVERY, TRAIN_DEFAULTS } from '@/lib/train/options';

const num = (s: string) => Number(s.replace(/[*,\s]/g, ''));

/** `| \`module\` | shape | 1,234 |` rows of the lesson's parameter table → module → parameters. */
function parameterTable(source: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of source.split('\n')) {
    const m = /^\|\s*(.+?)\s*\|\s*(.*?)\s*\|\s*([\d,*]+)\s*\|\s*$/.exec(line);
    if (m) rows.set(m[1].replace(/[`*]/g, '').trim(), num(m[3]));
  }
  return rows;
}

describe('architecture lesson', () => {
  const source = readLessonSource('architecture');
  const table = parameterTable(source);
  const count = countParameters(GPT2_SMALL);
  const module = (name: string) => count.modules.find((m) => m.name === name)!.params;

  test.each(['wte', 'wpe', 'ln_1', 'attn.c_attn', 'attn.c_proj', 'ln_2', 'mlp.c_fc', 'mlp.c_proj', 'ln_f', 'lm_head'])(
    'parameter table row %s equals the library count',
    (name) => {
      const expected = ['wte', 'wpe', 'ln_f', 'lm_head'].includes(name) ? module(name) : module(`h.0.${name}`);
      expect(table.get(name)).toBe(expected);
    },
  );

  test('block total, the 12 blocks and the grand total', () => {
    expect(table.get('block total')).toBe(count.perBlock);
    expect(table.get('h.0 … h.11')).toBe(count.perBlock * GPT2_SMALL.nLayer);
    expect(table.get('total')).toBe(count.total);
    expect(count.total).toBe(124_439_808);
    expect(source).toContain(count.total.toLocaleString('en-US'));
  });

  test('the dip of GELU it quotes is the minimum of the tanh approximation GPT-2 uses', () => {
    const [, value, at] = /dips to about −(\d\.\d+) near \$x = -(\d\.\d+)\$/.exec(source)!.map(Number);
    let min = { x: 0, y: 0 };
    for (let x = -3; x <= 0; x += 1e-4) if (gelu(x) < min.y) min = { x, y: gelu(x) };
    expect(-min.y).toBeCloseTo(value, 2);
    expect(-min.x).toBeCloseTo(at, 2);
  });

  test('exact GELU and the tanh approximation differ by less than the bound it quotes', () => {
    const bound = Number(/the two differ by less than (\d\.\d+)/.exec(source)![1]);
    // erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, far under the bound)
    const erf = (z: number) => {
      const t = 1 / (1 + 0.3275911 * Math.abs(z));
      const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
      return Math.sign(z) * y;
    };
    const exact = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));
    let max = 0;
    for (let x = -8; x <= 8; x += 1e-3) max = Math.max(max, Math.abs(exact(x) - gelu(x)));
    expect(max).toBeLessThan(bound);
    expect(max).toBeGreaterThan(bound / 10); // the bound is not loose by orders of magnitude
  });

  test('the initialization scale it quotes follows from the config: N = 2 × n_layer', () => {
    expect(source).toContain(`$N = 2 \\times ${GPT2_SMALL.nLayer} = ${2 * GPT2_SMALL.nLayer}$`);
    expect(source).toContain(`$0.02/\\sqrt{${2 * GPT2_SMALL.nLayer}}$`);
  });

  test('the five config fields carry GPT-2 small’s values', () => {
    const field = (name: string) => Number(new RegExp(`${name}: int = (\\d+)`).exec(source)?.[1]);
    expect(field('block_size')).toBe(GPT2_SMALL.blockSize);
    expect(field('vocab_size')).toBe(GPT2_SMALL.vocabSize);
    expect(field('n_layer')).toBe(GPT2_SMALL.nLayer);
    expect(field('n_head')).toBe(GPT2_SMALL.nHead);
    expect(field('n_embd')).toBe(GPT2_SMALL.nEmbd);
    expect(GPT2_SMALL.vocabSize).toBe(VOCAB_SIZE);
  });
});

describe('attention lesson', () => {
  test('the head size it quotes is n_embd / n_head', () => {
    const source = readLessonSource('attention');
    expect(headSize(GPT2_SMALL)).toBe(64);
    expect(source).toMatch(/12 heads × 64 dims|64 per head|d_k = 64|d_k=64/);
  });
});

describe('tokenization lesson', () => {
  const source = readLessonSource('tokenization');

  test.each([
    [' that', [326], 'is the single token 326'],
    [' hello', [23748], '` hello` (id 23748)'],
    ['hello', [31373], '`hello` (id 31373)'],
    ['Hello world', [15496, 995], '[15496, 995]'],
    ['🙂', [8582, 25081], 'two tokens, 8582 (bytes `F0 9F`) and 25081'],
  ])('%j encodes to %j, as the lesson says', (text, ids, quoted) => {
    expect(source).toContain(quoted);
    expect(encode(text)).toEqual(ids);
  });

  test('the rare-word example splits into the pieces the lesson lists', () => {
    const pieces = encode(' antidisestablishmentarianism').map((id) => decode([id]));
    expect(source).toContain(pieces.map((p) => '`' + p + '`').join(' '));
  });

  test('byte-token ids are not byte values: id 0, the newline and the space', () => {
    expect(tokenString(0)).toBe('!');
    expect(encode('\n')).toEqual([198]);
    expect(encode(' ')).toEqual([220]);
    expect(tokenString(256)).toBe('Ġt');
    expect(source).toContain('id 0 is `!` (byte 33)');
    expect(source).toContain('the newline is id 198 and the space id 220');
    expect(source).toContain("no byte's token id equals its value");
    for (let b = 0; b < 256; b++) expect(idOfTokenString(byteToUnicode.get(b)!)).not.toBe(b);
  });

  test('the opening of tiny Shakespeare tokenizes to the ids of the worked example', () => {
    const quoted = /tokenizes to `([\d, ]+), …`/.exec(source)?.[1].split(', ').map(Number);
    expect(quoted).toHaveLength(9);
    expect(source).toContain('`First Citizen:` followed by a newline and `Before we proceed any further`');
    expect(encode('First Citizen:\nBefore we proceed any further')).toEqual(quoted);
  });
});

describe('sampling lesson', () => {
  const source = readLessonSource('sampling');
  // The worked example: four candidate tokens after "The cat sat on the", with made-up logits.
  const TOKENS = ['“ mat”', '“ floor”', '“ bed”', '“ roof”'];
  const LOGITS = [3.0, 2.0, 1.5, 0.5];
  const pct = (p: number) => `${(100 * p).toFixed(1)} %`;

  test('the example logits are the ones the text gives', () => {
    const stated = TOKENS.map((t, i) => `${t} ${LOGITS[i].toFixed(1)}`);
    for (const s of stated) expect(source).toContain(s);
  });

  test.each([0.5, 1, 2])('the temperature table row for T = %s is softmax(z / T)', (T) => {
    const row = source.split('\n').find((l) => l.startsWith(`| ${T} |`));
    expect(row, `no table row for temperature ${T}`).toBeDefined();
    const cells = row!
      .split('|')
      .slice(2, 6)
      .map((c) => c.trim());
    expect(cells).toEqual(Array.from(softmax(LOGITS, T), pct));
  });

  test('the text quotes softmax at T = 1, top-k 2 and top-p 0.9 as the sampling code computes them', () => {
    const p = Array.from(softmax(LOGITS, 1));
    expect(source).toContain(`Softmax gives them ${p.map(pct).slice(0, 3).join(', ')} and ${pct(p[3])}`);
    const k2 = filterCandidates(LOGITS, { temperature: 1, topK: 2 });
    expect(k2.ids).toEqual([0, 1]);
    expect(source).toContain(`at ${pct(k2.probs[0])} and ${pct(k2.probs[1])}`);
    const p9 = filterCandidates(LOGITS, { temperature: 1, topP: 0.9 });
    expect(p9.ids).toEqual([0, 1, 2]);
    const three = (100 * (p[0] + p[1] + p[2])).toFixed(1);
    const two = (100 * (p[0] + p[1])).toFixed(1);
    expect(source).toContain(
      `(${(100 * p[0]).toFixed(1)} + ${(100 * p[1]).toFixed(1)} + ${(100 * p[2]).toFixed(1)} = ${three} %, while two reach only ${two} %)`,
    );
    expect(source).toContain(`rescaled to ${pct(p9.probs[0])}, ${pct(p9.probs[1])} and ${pct(p9.probs[2])}`);
  });

  test('the loss at initialisation, perplexity and LAMBADA in nats', () => {
    expect(source).toContain(`\\ln 50257 \\approx ${Math.log(VOCAB_SIZE).toFixed(2)}`);
    expect(VOCAB_SIZE).toBe(GPT2_SMALL.vocabSize);
    expect(source).toContain(`$\\ln 99.8 \\approx ${Math.log(99.8).toFixed(2)}$ to $\\ln 8.6 \\approx ${Math.log(8.6).toFixed(2)}$ nats`);
  });

  test('dropout as the config sets it', () => {
    const hf = toHFConfig(GPT2_SMALL);
    for (const key of ['embd_pdrop', 'attn_pdrop', 'resid_pdrop']) expect(hf[key]).toBe(0.1);
    expect(source).toContain('dropout probability of 0.1');
    expect(source).toContain('scales the rest by $1/0.9$');
  });
});

describe('attention lesson: the demo model, as the lesson describes it before Run', () => {
  test('its shape is DEMO_CONFIG', () => {
    const source = readLessonSource('attention');
    const hs = headSize(DEMO_CONFIG);
    expect(source).toContain(
      `small demo model (${DEMO_CONFIG.nLayer} layers of ${DEMO_CONFIG.nHead} heads of ${hs} numbers each) that this project trains`,
    );
    expect(source).toContain(`the ÷√${hs} scaling`);
  });

  test('it is trained in that shape on the lessons, "about 20,000 tokens"', async () => {
    const { nLayer, nHead, nEmbd } = DEMO_TRAINING;
    expect({ nLayer, nHead, nEmbd }).toEqual({ nLayer: DEMO_CONFIG.nLayer, nHead: DEMO_CONFIG.nHead, nEmbd: DEMO_CONFIG.nEmbd });
    const tokens = tokenizeDocuments(await lessonDocuments()).length;
    expect(readLessonSource('attention')).toContain('with about 20,000 tokens to learn from');
    expect(Math.abs(tokens - 20_000) / 20_000).toBeLessThan(0.15);
  });
});

describe('architecture lesson: the parameter recipe cards', () => {
  const source = readLessonSource('architecture');
  const count = countParameters(GPT2_SMALL);
  const C = GPT2_SMALL.nEmbd;
  const params = (name: string) => count.modules.find((m) => m.name === name)!.params;

  test('attention ≈ 4·C² and the MLP ≈ 8·C² per block (weights; biases and LayerNorms are the rest)', () => {
    const attention = params('h.0.attn.c_attn') + params('h.0.attn.c_proj');
    const mlp = params('h.0.mlp.c_fc') + params('h.0.mlp.c_proj');
    expect(Math.abs(attention / (4 * C * C) - 1)).toBeLessThan(0.01);
    expect(Math.abs(mlp / (8 * C * C) - 1)).toBeLessThan(0.01);
    expect(source).toContain('about {{c1::4 × n_embd²}} weights');
    expect(source).toContain('about {{c1::8 × n_embd²}} weights');
  });

  test('wte is about 31% of the model', () => {
    expect(Math.round((100 * params('wte')) / count.total)).toBe(31);
    expect(source).toContain('holds about {{c1::31%}} of all parameters');
  });
});

describe('overview and tokenization: the paper details', () => {
  test('every size in the overview table has 64-number heads, as the text says', () => {
    const source = readLessonSource('overview');
    const rows = source.split('\n').filter((l) => /^\| (small|medium|large|XL) \|/.test(l));
    expect(rows).toHaveLength(4);
    const sizes = rows.map((r) => r.split('|').map((c) => c.trim()));
    const heads = sizes.map((c) => num(c[4]) / num(c[5]));
    expect(heads).toEqual([64, 64, 64, 64]);
    const ratios = sizes.map((c) => `${c[4]}/${num(c[5])}`);
    expect(source).toContain(`${ratios.slice(0, -1).join(', ')} and ${ratios.at(-1)} are all 64`);
    expect(num(sizes[0][4])).toBe(GPT2_SMALL.nEmbd);
    expect(headSize(GPT2_SMALL)).toBe(64);
  });

  test('" dog" is one token; "dog." "dog!" "dog?" keep the word and the mark apart', () => {
    expect(encode(' dog')).toHaveLength(1);
    for (const s of ['dog.', 'dog!', 'dog?']) expect(encode(s).map((id) => decode([id]))).toEqual(['dog', s.slice(3)]);
    expect(readLessonSource('tokenization')).toContain('which is why ` dog` is one token');
  });
});

describe('training lesson', () => {
  const source = readLessonSource('training');
  const d = TRAIN_DEFAULTS;

  test('the default model and run are the trainer’s', () => {
    expect(source).toContain(
      `by default ${d.nLayer} layers, ${d.nHead} heads, \`n_embd\` = ${d.nEmbd} and \`block_size\` = ${d.blockSize}`,
    );
    expect(source).toContain(
      `A batch of ${d.batchSize} windows of ${d.blockSize} tokens therefore averages the loss over ${(d.batchSize * d.blockSize).toLocaleString('en-US')} predictions`,
    );
    expect(source).toContain(`every ${d.evalInterval} steps`);
    expect(source).toContain(`rises linearly for ${d.warmupSteps} steps`);
    expect(source).toContain(`decays the matrices (not biases or LayerNorm gains) by ${d.adamw.weightDecay}`);
    expect(source).toContain(`Every ${SAMPLE_EVERY} steps it writes a sample`);
    expect(source).toContain(`which is ${0.02 / Math.sqrt(2 * d.nLayer)} for ${d.nLayer} layers`);
    expect(source).toContain(`with the default sizes, ${d.nLayer} layers of ${d.nHead} heads of ${d.nEmbd / d.nHead} numbers`);
  });

  test('the full-vocabulary wte against the rest of the default model', () => {
    const wte = VOCAB_SIZE * d.nEmbd;
    expect(source).toContain(`50,257 × ${d.nEmbd} = ${wte.toLocaleString('en-US')} parameters`);
    // "more than ten times the rest of the small model", for any corpus vocabulary up to 5,000 tokens
    for (const K of [1000, 2554, 5000]) {
      const cfg = { vocabSize: K, blockSize: d.blockSize, nLayer: d.nLayer, nHead: d.nHead, nEmbd: d.nEmbd, layerNormEpsilon: 1e-5 };
      const rest = countParameters(cfg).total - K * d.nEmbd;
      expect(wte).toBeGreaterThan(10 * rest);
      expect(countParameters(cfg).total).toBeLessThan(1e6); // "a few hundred thousand parameters"
    }
  });

  test('ln K at the start', () => {
    expect(source).toContain(
      `about ${Math.log(2000).toFixed(1)} for $K$ = 2,000 and ${Math.log(VOCAB_SIZE).toFixed(2)} for all of GPT-2's 50,257`,
    );
    expect(source).toContain(`About ln 3,000 ≈ ${Math.log(3000).toFixed(1)} nats`);
  });

  test('the whole vocabulary and the Shakespeare corpus', () => {
    expect(source).toContain(`50,257 × ${d.nEmbd} numbers (${((VOCAB_SIZE * d.nEmbd * 4) / 1e6).toFixed(1)} MB as 32-bit floats)`);
    expect(source).toContain(`starts at ln 50,257 ≈ ${Math.log(VOCAB_SIZE).toFixed(2)} instead of ln $K$`);
    const c = buildCorpus(tokenizeDocuments([CORIOLANUS_OPENING.text]));
    const n = (x: number) => x.toLocaleString('en-US');
    expect(source).toContain(`its ${n(c.train.length + c.val.length)} tokens leave ${n(c.train.length)} to train on`);
  });
});
