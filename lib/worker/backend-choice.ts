// Which backend runs the model when the learner lets the app choose. WebGPU is not always faster:
// a software adapter (SwiftShader, llvmpipe, WARP) ran the generator at 1.1 tokens/s where WASM gave
// 25 (docs/performance.md). So: never a fallback or software adapter; on a real GPU, time a few
// decode steps on each backend once and keep the faster, remembered per device (the page stores the
// result and sends it back with the next load).
import type { Backend } from '@/lib/model/load-plan';

/** What the worker reads of a WebGPU adapter (GPUAdapterInfo). */
export interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** How the backend of a loaded model was chosen, for the status line. */
export type BackendReason =
  | { how: 'asked' } // ?backend= or the learner's choice in the status line
  | { how: 'wasm-only'; why: string } // no usable WebGPU
  | { how: 'measured'; adapter: string; tokensPerSecond: Record<Backend, number> }
  | { how: 'remembered'; adapter: string }
  | { how: 'fell-back'; why: string }; // WebGPU was chosen but failed to start

/** The page's memory of a measurement: which backend won on which adapter. */
export interface RememberedBackend {
  adapter: string;
  backend: Backend;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|\bwarp\b|basic render|software/i;

/** A software or fallback adapter: slower than WASM for this model, so never chosen by itself. */
export function isSoftwareAdapter(info: AdapterInfo): boolean {
  return !!info.isFallbackAdapter || SOFTWARE.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}

/** The per-device key a measurement is remembered under. */
export function adapterKey(info: AdapterInfo): string {
  return [info.vendor, info.architecture, info.device, info.description].map((s) => (s ?? '').trim()).join('/');
}

/** Decode steps timed on each backend; the median step decides. */
export const MEASURE_STEPS = 8;

/** The faster backend by measured decode speed; WASM on a tie (less memory, no GPU driver). */
export function fasterBackend(tokensPerSecond: Record<Backend, number>): Backend {
  return tokensPerSecond.webgpu > tokensPerSecond.wasm ? 'webgpu' : 'wasm';
}

/** A remembered measurement from storage, or null when it is not one (never trust stored JSON). */
export function parseRemembered(raw: string | null): RememberedBackend | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<RememberedBackend>;
    return typeof v.adapter === 'string' && (v.backend === 'wasm' || v.backend === 'webgpu')
      ? { adapter: v.adapter, backend: v.backend }
      : null;
  } catch {
    return null;
  }
}
