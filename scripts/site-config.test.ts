import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_URL, siteConfig } from './site-config.mjs';

describe('siteConfig', () => {
  it('serves at the root by default', () => {
    expect(siteConfig({})).toEqual({ basePath: '', siteUrl: '', hubUrl: DEFAULT_HUB_URL });
    expect(siteConfig({ BASE_PATH: '/' })).toEqual({ basePath: '', siteUrl: '', hubUrl: DEFAULT_HUB_URL });
  });

  it('normalises BASE_PATH and takes it from SITE_URL when only that is given', () => {
    expect(siteConfig({ BASE_PATH: '/gpt2-pamphlet/' }).basePath).toBe('/gpt2-pamphlet');
    expect(siteConfig({ BASE_PATH: '/a/b.c_d~e' }).basePath).toBe('/a/b.c_d~e');
    expect(siteConfig({ SITE_URL: 'https://someone.github.io/gpt2-pamphlet/' })).toMatchObject({
      basePath: '/gpt2-pamphlet',
      siteUrl: 'https://someone.github.io/gpt2-pamphlet',
    });
    expect(siteConfig({ SITE_URL: 'https://pamphlet.example' })).toMatchObject({ basePath: '', siteUrl: 'https://pamphlet.example' });
  });

  it('refuses what cannot be a base path or a site address, naming it', () => {
    expect(() => siteConfig({ BASE_PATH: 'gpt2' })).toThrow(/must start with "\/"/);
    expect(() => siteConfig({ BASE_PATH: '/a/../b' })).toThrow(/not a plain path/);
    expect(() => siteConfig({ BASE_PATH: '/a b' })).toThrow(/not a plain path/);
    expect(() => siteConfig({ BASE_PATH: '/a?x=1' })).toThrow(/not a plain path/);
    expect(() => siteConfig({ SITE_URL: 'someone.github.io' })).toThrow(/is not a URL/);
    expect(() => siteConfig({ SITE_URL: 'ftp://x.org' })).toThrow(/http\(s\)/);
    expect(() => siteConfig({ SITE_URL: 'https://x.org/p?q=1' })).toThrow(/plain address/);
    expect(() => siteConfig({ BASE_PATH: '/a', SITE_URL: 'https://x.org/b' })).toThrow(/disagree/);
  });

  it('takes HUB_URL as an http(s) address without a trailing slash, and refuses anything else, naming it', () => {
    expect(DEFAULT_HUB_URL).toBe('https://huggingface.co');
    expect(siteConfig({ HUB_URL: 'http://127.0.0.1:4123/' }).hubUrl).toBe('http://127.0.0.1:4123');
    expect(siteConfig({ HUB_URL: 'https://mirror.example/hf/' }).hubUrl).toBe('https://mirror.example/hf');
    expect(() => siteConfig({ HUB_URL: 'huggingface.co' })).toThrow(/HUB_URL "huggingface.co" is not a URL/);
    expect(() => siteConfig({ HUB_URL: 'ftp://hub.example' })).toThrow(/HUB_URL must be an http\(s\) address/);
    expect(() => siteConfig({ HUB_URL: 'https://hub.example/?token=x' })).toThrow(/plain address/);
    expect(() => siteConfig({ HUB_URL: 'https://user:pw@hub.example' })).toThrow(/plain address/);
  });

  it('stops the build with one line and exit code 1', () => {
    const r = spawnSync(process.execPath, ['scripts/prepare-public.mjs'], { encoding: 'utf8', env: { ...process.env, BASE_PATH: 'oops' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('Error: BASE_PATH must start with "/" (got "oops"), e.g. BASE_PATH=/gpt2-pamphlet');
    expect(r.stdout).toBe('');
    const hub = spawnSync(process.execPath, ['scripts/prepare-public.mjs'], { encoding: 'utf8', env: { ...process.env, HUB_URL: 'oops' } });
    expect(hub.status).toBe(1);
    expect(hub.stderr.trim()).toBe(`Error: HUB_URL "oops" is not a URL; give the hub's address, e.g. HUB_URL=${DEFAULT_HUB_URL}`);
  });
});
