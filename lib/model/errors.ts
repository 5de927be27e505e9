// Typed errors of the model library. Each names what was wrong so a caller (CLI, worker) can
// show it as is, and `instanceof` tells them apart.

/** A safetensors file that cannot be parsed: truncated, bad header, out-of-range offsets. */
export class SafetensorsError extends Error {
  constructor(message: string) {
    super(`safetensors: ${message}`);
    this.name = 'SafetensorsError';
  }
}

/** A checkpoint whose config or tensors do not describe a GPT-2: missing or misshapen tensor. */
export class CheckpointError extends Error {
  /** The offending tensor name (HF naming, e.g. 'h.0.attn.c_attn.weight'), when there is one. */
  readonly tensor?: string;
  constructor(message: string, tensor?: string) {
    super(message);
    this.name = 'CheckpointError';
    this.tensor = tensor;
  }
}

/** More tokens than the model's context window (blockSize) can hold. */
export class ContextLengthError extends Error {
  readonly length: number;
  readonly blockSize: number;
  constructor(length: number, blockSize: number) {
    super(`${length} tokens do not fit the context window of ${blockSize} positions`);
    this.name = 'ContextLengthError';
    this.length = length;
    this.blockSize = blockSize;
  }
}

/** A model file could not be exported (unsupported option, inconsistent weights). */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Downloading from the Hugging Face hub failed: unreachable, bad size, bad checksum. */
export class HubDownloadError extends Error {
  readonly file?: string;
  constructor(message: string, file?: string) {
    super(message);
    this.name = 'HubDownloadError';
    this.file = file;
  }
}

/** The session's graph has no logit-lens output (a decoder.onnx exported before it had one). */
export class LensUnavailableError extends Error {
  constructor() {
    super('this decoder graph has no logit-lens output (lens_logits); export the model again to get it');
    this.name = 'LensUnavailableError';
  }
}

/** A model folder's manifest.json cannot be used (not JSON, a bad field, a newer format). */
export class ManifestError extends Error {
  constructor(detail: string) {
    super(`manifest.json: ${detail}`);
    this.name = 'ManifestError';
  }
}

/** A token map (token_map.json) that cannot be used, or a token the model's vocabulary lacks. */
export class TokenMapError extends Error {
  constructor(message: string) {
    super(`token map: ${message}`);
    this.name = 'TokenMapError';
  }
}
