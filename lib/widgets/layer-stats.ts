/**
 * Per-layer statistics of one token's residual stream in a pre-norm GPT-2 block:
 *
 *   x = resid.i                 (enters block i; also the input of ln_1)
 *   m = x + attn(ln_1(x))       = resid_mid.i (also the input of ln_2)
 *   resid.(i+1) = m + mlp(ln_2(m))
 *
 * LayerNorm(x) = γ ⊙ (x − μ) / √(σ² + ε) + β, with μ, σ² over the C channels of one token.
 */
import { rowOf, tensorOf, type AnalysisTensors } from './analysis-tensors';

export interface VecStats {
  /** mean over the channels */
  mean: number;
  /** population variance over the channels (÷ C, as LayerNorm computes it) */
  variance: number;
  /** L2 norm ‖x‖ = √(Σ x²) */
  norm: number;
}

export function vecStats(x: ArrayLike<number>): VecStats {
  const C = x.length;
  if (C === 0) throw new RangeError('vecStats: empty vector');
  let sum = 0;
  let sq = 0;
  for (let c = 0; c < C; c++) {
    sum += x[c];
    sq += x[c] * x[c];
  }
  const mean = sum / C;
  let dev = 0; // two-pass variance: no cancellation when |mean| ≫ spread
  for (let c = 0; c < C; c++) dev += (x[c] - mean) ** 2;
  return { mean, variance: dev / C, norm: Math.sqrt(sq) };
}

/** (x − μ) / √(σ² + ε): LayerNorm before its learned γ and β. */
export function normalize(x: ArrayLike<number>, eps = 1e-5): Float64Array {
  const { mean, variance } = vecStats(x);
  const inv = 1 / Math.sqrt(variance + eps);
  return Float64Array.from(x as ArrayLike<number>, (v) => (v - mean) * inv);
}

export interface BlockStats {
  layer: number;
  /** resid.i: the stream entering the block = ln_1's input */
  residIn: VecStats;
  /** resid_mid.i: after the attention branch is added = ln_2's input */
  residMid: VecStats;
  /** ln_1.i: LayerNorm output (γ, β applied) */
  ln1Out: VecStats;
  /** ln_2.i */
  ln2Out: VecStats;
}

export interface ResidualProfile {
  position: number;
  blocks: BlockStats[];
  /** resid.nLayer: the stream after the last block, the input of ln_f */
  final: VecStats;
}

/** Stats of token `position` in every block, from resid, resid_mid, ln_1, ln_2 tensors ([T, C]). */
export function residualProfile(tensors: AnalysisTensors, nLayer: number, position: number): ResidualProfile {
  const at = (kind: 'resid' | 'resid_mid' | 'ln_1' | 'ln_2', layer: number) => {
    const t = tensorOf(tensors, kind, layer, [-1, -1]);
    if (position < 0 || position >= t.dims[0]) throw new RangeError(`residualProfile: position ${position} outside 0..${t.dims[0] - 1}`);
    return vecStats(rowOf(t, position));
  };
  const blocks = Array.from({ length: nLayer }, (_, layer) => ({
    layer,
    residIn: at('resid', layer),
    residMid: at('resid_mid', layer),
    ln1Out: at('ln_1', layer),
    ln2Out: at('ln_2', layer),
  }));
  return { position, blocks, final: at('resid', nLayer) };
}

export interface StreamStage {
  /** short axis label: 'emb', 'a0', 'm0', … */
  short: string;
  label: string;
  /** which addition produced it */
  kind: 'embed' | 'attn' | 'mlp';
  norm: number;
}

/** The stream's norm after each addition, in order: embeddings, +attn 0, +MLP 0, +attn 1, … */
export function streamStages(p: ResidualProfile): StreamStage[] {
  const out: StreamStage[] = [];
  p.blocks.forEach((b, i) => {
    if (i === 0) out.push({ short: 'emb', label: 'embeddings (resid.0)', kind: 'embed', norm: b.residIn.norm });
    else out.push({ short: `m${i - 1}`, label: `after MLP ${i - 1} (resid.${i})`, kind: 'mlp', norm: b.residIn.norm });
    out.push({ short: `a${i}`, label: `after attention ${i} (resid_mid.${i})`, kind: 'attn', norm: b.residMid.norm });
  });
  const L = p.blocks.length;
  out.push({ short: `m${L - 1}`, label: `after MLP ${L - 1} (resid.${L}, into ln_f)`, kind: 'mlp', norm: p.final.norm });
  return out;
}
