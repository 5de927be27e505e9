import { describe, expect, it } from 'vitest';
import { GPT2_SMALL } from '../model/config';
import { DEMO_CONFIG } from '../model/demo-checkpoint';
import { lessonHeadings, parseLessonTree } from '../content/lesson';
import { listLessons, readLessonSource } from '../content/lessons';
import { brokenLinkReason } from '../content/links';
import { modelMap } from './model-map';

const parts = (cfg = GPT2_SMALL) => {
  const m = modelMap(cfg);
  return [...m.input, ...m.block, ...m.output];
};

describe('modelMap', () => {
  it('gives GPT-2 small’s shapes from its config', () => {
    const m = modelMap(GPT2_SMALL);
    expect(m.nLayer).toBe(12);
    expect(m.input.map((p) => p.out)).toEqual(['[T]', '[T, 768]']);
    expect(m.block.map((p) => p.out)).toEqual(['[T, 768]', '3 × [12, T, 64]', '[12, T, 64]', '[T, 768]', '[T, 3,072]', '[T, 768]']);
    expect(m.output.map((p) => p.out)).toEqual(['[T, 768]', '[T, 50,257]', '[1]']);
    expect(m.input[1].does).toBe('a 50,257 × 768 token row plus a 1,024 × 768 position row per token');
  });
  it('follows another config (the demo model: 2 layers, 4 heads of 16)', () => {
    const m = modelMap(DEMO_CONFIG);
    expect(m.nLayer).toBe(2);
    expect(m.block[1].out).toBe('3 × [4, T, 16]');
    expect(m.block[4].out).toBe('[T, 256]');
    expect(m.input[1].does).toBe('a 50,257 × 64 token row plus a 1,024 × 64 position row per token');
  });
  it('links every part to a real lesson section, and every widget link to the section that holds that widget', () => {
    const lessons = listLessons();
    const sources = new Map(lessons.map((l) => [l.slug, readLessonSource(l.slug)]));
    const headings = new Map([...sources].map(([slug, src]) => [slug, lessonHeadings(parseLessonTree(src))]));
    const anchors = new Map([...headings].map(([slug, hs]) => [slug, new Set(hs.map((h) => h.id))]));
    const broken: string[] = [];
    for (const p of parts()) {
      for (const l of [p.lesson, p.widget].filter((x) => x !== undefined)) {
        const reason = brokenLinkReason(l.href, 'overview', anchors);
        if (reason) broken.push(`${p.name}: ${l.href}: ${reason}`);
      }
      if (!p.widget) continue;
      // the widget sits under that heading, before the next heading of any level
      const [, slug, id] = /^\/lessons\/([^/]+)\/#(.+)$/.exec(p.widget.href)!;
      const hs = headings.get(slug)!;
      const i = hs.findIndex((h) => h.id === id);
      const lines = sources.get(slug)!.split('\n');
      const section = lines.slice(hs[i].line, i + 1 < hs.length ? hs[i + 1].line - 1 : lines.length).join('\n');
      if (!/<Widget name="/.test(section)) broken.push(`${p.name}: no widget under ${p.widget.href}`);
    }
    expect(broken).toEqual([]);
  });
});
