import { describe, expect, it } from 'vitest';
import { hubFolderUrl } from './hub-source';

describe('hubFolderUrl', () => {
  it('is the resolve folder at the recorded revision; the file name resolves against it', () => {
    const folder = hubFolderUrl('https://huggingface.co', { repo: 'openai-community/gpt2', revision: 'abc123' });
    expect(folder).toBe('https://huggingface.co/openai-community/gpt2/resolve/abc123/');
    expect(new URL('model.safetensors', folder).href).toBe('https://huggingface.co/openai-community/gpt2/resolve/abc123/model.safetensors');
  });

  it('takes a hub URL with or without a trailing slash, and on a path (a local test hub)', () => {
    expect(hubFolderUrl('http://127.0.0.1:4000/hub/', { repo: 'local/demo', revision: 'main' })).toBe(
      'http://127.0.0.1:4000/hub/local/demo/resolve/main/',
    );
  });
});
