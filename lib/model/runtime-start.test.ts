import { describe, expect, it } from 'vitest';
import { startRuntime } from './runtime-start';
import { demoDecoder, HELLO_IDS } from '@/test/fixtures/demo-model';

describe('startRuntime', () => {
  it('creates and releases a one-node session; a real session works afterwards', async () => {
    await expect(startRuntime({ backend: 'wasm', numThreads: 1 })).resolves.toBeUndefined();
    const d = await demoDecoder();
    expect((await d.prefill(HELLO_IDS)).length).toBe(50257);
    await d.release();
  });
});
