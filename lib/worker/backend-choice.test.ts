import { describe, expect, it } from 'vitest';
import { adapterKey, fasterBackend, isSoftwareAdapter, parseRemembered } from './backend-choice';

describe('backend choice', () => {
  it('recognises software and fallback adapters', () => {
    // what Debian's headless Chromium reports with --enable-unsafe-webgpu
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true })).toBe(
      true,
    );
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true); // browsers without the flag
    expect(isSoftwareAdapter({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'microsoft', description: 'Microsoft Basic Render Driver' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3' })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'intel', architecture: 'gen-12lp', description: 'Intel(R) UHD Graphics 770' })).toBe(false);
  });

  it('keeps the faster backend, WASM on a tie', () => {
    expect(fasterBackend({ webgpu: 40, wasm: 25 })).toBe('webgpu');
    expect(fasterBackend({ webgpu: 1.1, wasm: 25 })).toBe('wasm');
    expect(fasterBackend({ webgpu: 25, wasm: 25 })).toBe('wasm');
  });

  it('remembers per adapter, and never trusts what storage returns', () => {
    expect(adapterKey({ vendor: 'nvidia', architecture: 'ampere' })).toBe('nvidia/ampere//');
    expect(parseRemembered(JSON.stringify({ adapter: 'nvidia/ampere//', backend: 'webgpu' }))).toEqual({
      adapter: 'nvidia/ampere//',
      backend: 'webgpu',
    });
    for (const bad of [null, '', '{', '[]', '{"adapter":1,"backend":"wasm"}', '{"adapter":"x","backend":"cuda"}'])
      expect(parseRemembered(bad)).toBeNull();
  });
});
