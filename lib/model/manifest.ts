// manifest.json: what a model folder holds. Written by the export (export/export-model.ts), read
// by the worker, the Node CLI and the accuracy measurement, all through `parseManifest`.
//
//   { format: 1, name, demo, config, files: { role: { path, bytes, sha256 } }, accuracy?, source?, trained? }
//
// `format` is absent in folders exported before it existed; they read as format 1. A newer format
// is refused with a message that says so, instead of being half understood.

import { validateConfig, type GPT2Config } from './config';
import { ManifestError } from './errors';
import { parseHubSource, type HubSource } from './hub-source';
import type { Precision } from '@/lib/model/graph/precision';
import type { VariantAccuracy } from './variant-accuracy';

export const MANIFEST_FORMAT = 1;

export interface ManifestFile {
  path: string; // relative to the model folder
  bytes: number;
  sha256: string; // hex
}

export interface ManifestAccuracy {
  /** What the positions are: teacher-forced tokens of the accuracy text. */
  text: string;
  positions: number;
  /** compact.safetensors run in each precision, against decoder.onnx (q4 measured on the CPU kernel). */
  compact: Partial<Record<Precision, VariantAccuracy>>;
}

export interface Manifest {
  format: number;
  name: string;
  demo: boolean; // a stand-in for GPT-2 (random weights, or `trained` here): the UI must say so
  config: GPT2Config;
  files: Record<string, ManifestFile>;
  /** compact weights vs decoder.onnx, measured after the export (export/measure-variants.ts). */
  accuracy?: ManifestAccuracy;
  /** Where the original weights are (model:gpt2 records the hub file it exported); absent in older exports. */
  source?: { hub: HubSource };
  /** A demo trained by model:demo (lib/train/demo.ts); absent: random weights. */
  trained?: TrainedRecord;
}

/** What a trained demo learned from and how far it got. */
export interface TrainedRecord {
  /** In words, e.g. "the lessons' text". */
  corpus: string;
  steps: number;
  tokens: number;
  seed: number;
  /** Validation loss at the end, nats per token over the whole vocabulary. */
  valLoss: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The manifest in `text`, checked field by field. Throws `ManifestError` naming the bad field. */
export function parseManifest(text: string): Manifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ManifestError('not valid JSON');
  }
  if (!isObject(doc)) throw new ManifestError('not a JSON object');
  const format = doc.format ?? MANIFEST_FORMAT;
  if (format !== MANIFEST_FORMAT) {
    throw new ManifestError(
      `format ${String(format)}, but this app reads format ${MANIFEST_FORMAT} (export the model again, or update the app)`,
    );
  }
  if (typeof doc.name !== 'string') throw new ManifestError('"name" is not a string');
  if (typeof doc.demo !== 'boolean') throw new ManifestError('"demo" is not true or false');
  if (!isObject(doc.config)) throw new ManifestError('"config" is missing');
  let config: GPT2Config;
  try {
    config = validateConfig({ layerNormEpsilon: 1e-5, ...doc.config } as unknown as GPT2Config);
  } catch (e) {
    throw new ManifestError(`"config": ${(e as Error).message}`);
  }
  if (!isObject(doc.files) || Object.keys(doc.files).length === 0) throw new ManifestError('"files" lists no files');
  const files: Record<string, ManifestFile> = {};
  for (const [role, f] of Object.entries(doc.files)) {
    const ok =
      isObject(f) &&
      typeof f.path === 'string' &&
      !f.path.includes('..') &&
      Number.isSafeInteger(f.bytes) &&
      (f.bytes as number) >= 0 &&
      typeof f.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(f.sha256);
    if (!ok) throw new ManifestError(`"files.${role}" needs a relative path, a byte count and a sha256`);
    files[role] = { path: f.path as string, bytes: f.bytes as number, sha256: f.sha256 as string };
  }
  return {
    format: MANIFEST_FORMAT,
    name: doc.name,
    demo: doc.demo,
    config,
    files,
    ...(accuracyOf(doc.accuracy) ? { accuracy: doc.accuracy as ManifestAccuracy } : {}),
    ...(doc.source === undefined ? {} : { source: sourceOf(doc.source) }),
    ...(trainedOf(doc.trained) ? { trained: doc.trained as TrainedRecord } : {}),
  };
}

/** Unlike the accuracy record, a bad source is an error: the browser builds a download URL from it. */
function sourceOf(v: unknown): { hub: HubSource } {
  if (!isObject(v) || v.hub === undefined) throw new ManifestError('"source" names no hub file');
  return { hub: parseHubSource(v.hub) };
}

/** A malformed training record is left out (the model then reads as random weights), not an error. */
function trainedOf(v: unknown): boolean {
  if (!isObject(v) || typeof v.corpus !== 'string') return false;
  return [v.steps, v.tokens, v.seed].every((n) => Number.isSafeInteger(n) && (n as number) >= 0) && Number.isFinite(v.valLoss);
}

/** A malformed accuracy record is left out (the app then uses its defaults), not an error. */
function accuracyOf(v: unknown): boolean {
  if (!isObject(v) || !Number.isFinite(v.positions) || !isObject(v.compact)) return false;
  const count = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  return Object.values(v.compact).every(
    (a) =>
      isObject(a) && count(a.positions) && a.positions > 0 && count(a.top1Agree) && a.top1Agree <= a.positions && count(a.maxLogitError),
  );
}
