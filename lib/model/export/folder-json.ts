// Browser-safe: the JSON files of a model folder, byte for byte, in one place: the folder export, the
// in-memory export, the browser's model store and the Hugging Face .zip all write these same bytes.
// Light on purpose (no graph code), so the page can import it.

import { EOT_TOKEN_ID, toHFConfig, type GPT2Config } from '../config';
import type { Manifest } from '../manifest';
import type { TokenMap } from '../token-map';

const jsonBytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o, null, 2) + '\n');

/** config.json: the HF config, bos/eos the token map's <|endoftext|> for a model with one. */
export function hfConfigJson(config: GPT2Config, tokenMap?: TokenMap): Uint8Array {
  return jsonBytes(toHFConfig(config, tokenMap?.eot));
}

export function generationConfig(eotId = EOT_TOKEN_ID): Record<string, unknown> {
  return { _from_model_config: true, bos_token_id: eotId, eos_token_id: eotId };
}

/** generation_config.json. */
export function generationConfigJson(tokenMap?: TokenMap): Uint8Array {
  return jsonBytes(generationConfig(tokenMap?.eot));
}

/** token_map.json (../token-map.ts). */
export function tokenMapJson(tokenMap: TokenMap): Uint8Array {
  return new TextEncoder().encode(tokenMap.serialize());
}

/** manifest.json. */
export function serializeManifest(manifest: Manifest): Uint8Array {
  return jsonBytes(manifest);
}
