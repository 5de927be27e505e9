// The page policy's connect-src: the site itself and the hub a model's original weights come from.
import { describe, expect, it } from 'vitest';
import { hubSources, policy, withCsp } from './csp.mjs';
import { siteConfig } from './site-config.mjs';

const connectSrc = (p: string) => p.split('; ').find((d) => d.startsWith('connect-src '));

describe('the Content-Security-Policy', () => {
  it('by default allows huggingface.co and the hf.co hosts its downloads redirect to, and nothing else off the site', () => {
    const p = policy(['abc'], siteConfig({}).hubUrl);
    expect(connectSrc(p)).toBe("connect-src 'self' blob: data: https://huggingface.co https://*.hf.co");
    expect(p).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'");
    expect(policy(['abc'])).toBe(p); // the default is the same hub
  });

  it('with another HUB_URL allows that origin instead of Hugging Face’s hosts', () => {
    const { hubUrl } = siteConfig({ HUB_URL: 'http://127.0.0.1:4123/hub/' });
    expect(hubSources(hubUrl)).toEqual(['http://127.0.0.1:4123']);
    expect(connectSrc(policy([], hubUrl))).toBe("connect-src 'self' blob: data: http://127.0.0.1:4123");
    expect(policy([], hubUrl)).not.toContain('hf.co');
  });

  it('goes into the page’s head with the hashes of its inline scripts', () => {
    const html = withCsp('<html><head><title>x</title></head><body><script>1</script></body></html>', 'http://127.0.0.1:4123');
    expect(html).toMatch(
      /^<html><head><meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self' blob: data: http:\/\/127\.0\.0\.1:4123;/,
    );
    expect(html).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  });
});
