// Starts onnxruntime before the weights arrive: its first session fetches and compiles the
// WebAssembly (≈ 14 MB) or opens the WebGPU device, which otherwise happens only after the download
// and the graph build. A one-node graph is enough; the real session then finds the runtime ready.

import { DType, encodeModel, GraphBuilder } from '@/lib/model/graph/graph-builder';
import { createSession, release, type SessionOptions } from './ort';

/** A graph with one Identity node: the smallest thing onnxruntime will create a session for. */
function identityModel(): Uint8Array {
  const b = new GraphBuilder();
  b.input('x', DType.FLOAT, [1]);
  b.op1('Identity', ['x'], { outputs: ['y'] });
  b.output('y', DType.FLOAT, [1]);
  return encodeModel(b.build({ graphName: 'start', docString: 'starts the runtime' }));
}

/** Resolves once the runtime for `opts.backend` is up (same thread and path settings as the real session). */
export async function startRuntime(opts: Omit<SessionOptions, 'externalData'>): Promise<void> {
  await release(await createSession(identityModel(), opts));
}
