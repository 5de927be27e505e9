import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module';

describe('lazyModule', () => {
  it('fetches once, then answers from what arrived', async () => {
    let fetches = 0;
    const m = lazyModule(async () => ({ n: ++fetches }));
    expect(m.current()).toBeNull();
    const [a, b] = await Promise.all([m.load(), m.load()]);
    expect(a).toBe(b);
    expect(await m.load()).toBe(a);
    expect(m.current()).toBe(a);
    expect(fetches).toBe(1);
  });

  it('fetches again after a failure', async () => {
    let fetches = 0;
    const m = lazyModule(async () => {
      if (++fetches === 1) throw new Error('offline');
      return 'parser';
    });
    await expect(m.load()).rejects.toThrow('offline');
    expect(m.current()).toBeNull();
    expect(await m.load()).toBe('parser');
    expect(m.current()).toBe('parser');
    expect(fetches).toBe(2);
  });
});
