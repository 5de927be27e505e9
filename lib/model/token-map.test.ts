import { describe, expect, it } from 'vitest';
import { EOT_TOKEN_ID } from './config';
import { TokenMapError } from './errors';
import { TOKEN_MAP_FORMAT, TokenMap } from './token-map';

// "Hello world" = [15496, 995]; " the" = 262
const map = TokenMap.fromTokens([15496, 995, 15496, 262]);

describe('TokenMap', () => {
  it('keeps the tokens a stream uses, ascending, plus <|endoftext|>', () => {
    expect(Array.from(map.gpt2Ids)).toEqual([262, 995, 15496, EOT_TOKEN_ID]);
    expect(map.size).toBe(4);
    expect(map.eot).toBe(3);
  });

  it('maps GPT-2 ids to model ids and back', () => {
    expect(map.toModel([15496, 995, 50256])).toEqual([2, 1, 3]);
    expect([0, 1, 2, 3].map((i) => map.toGpt2(i))).toEqual([262, 995, 15496, 50256]);
    expect(() => map.toModel([0])).toThrow(TokenMapError);
    expect(() => map.toGpt2(4)).toThrow(TokenMapError);
  });

  it('fits a prompt: unknown tokens dropped, nothing left → <|endoftext|>', () => {
    expect(map.fitPrompt([15496, 11, 995])).toEqual({ ids: [15496, 995], dropped: [11] });
    expect(map.fitPrompt([11, 13])).toEqual({ ids: [EOT_TOKEN_ID], dropped: [11, 13] });
    expect(map.fitPrompt([])).toEqual({ ids: [], dropped: [] });
  });

  it('scatters logits over model ids into GPT-2 ids, −∞ for the rest', () => {
    const out = map.expandLogits(Float32Array.from([0.5, 1, 2, -3, 7, 8, 9, 10]), 2);
    expect(out.length).toBe(2 * 50257);
    expect([out[262], out[995], out[15496], out[50256]]).toEqual([0.5, 1, 2, -3]);
    expect([out[50257 + 262], out[50257 + 50256]]).toEqual([7, 10]);
    expect(out[0]).toBe(-Infinity);
    expect(out.filter(Number.isFinite).length).toBe(8);
  });

  it('round-trips through token_map.json and checks it', () => {
    const text = map.serialize();
    expect(JSON.parse(text)).toEqual({ format: TOKEN_MAP_FORMAT, gpt2_ids: [262, 995, 15496, 50256] });
    expect(Array.from(TokenMap.parse(text, 4).gpt2Ids)).toEqual(Array.from(map.gpt2Ids));
    const bad = (doc: unknown) => () => TokenMap.parse(JSON.stringify(doc));
    expect(() => TokenMap.parse(text, 5)).toThrow(/vocab_size is 5/);
    expect(() => TokenMap.parse('{')).toThrow(TokenMapError);
    expect(bad({ format: 'x', gpt2_ids: [50256] })).toThrow(/format/);
    expect(bad({ format: TOKEN_MAP_FORMAT, gpt2_ids: [995, 262, 50256] })).toThrow(/ascending/);
    expect(bad({ format: TOKEN_MAP_FORMAT, gpt2_ids: [262, 995] })).toThrow(/endoftext/);
    expect(bad({ format: TOKEN_MAP_FORMAT, gpt2_ids: [1.5, 50256] })).toThrow(/not a GPT-2 token id/);
  });
});
