// The content check: what every lesson in content/ must satisfy before it ships.
import { describe, expect, test } from 'vitest';
import { listLessons, parseLessonMeta, readLessonSource, LessonFrontmatterError } from './lessons';
import { lessonHeadings, lessonLinks as linksOf, parseLessonTree, tableOfContents as tocOf } from './lesson';
import { brokenLinkReason } from './links';

const headings = (source: string) => lessonHeadings(parseLessonTree(source));
const tableOfContents = (source: string) => tocOf(headings(source));
const lessonLinks = (source: string) => linksOf(parseLessonTree(source));
const parseMdx = parseLessonTree;

describe('frontmatter', () => {
  test('a valid lesson parses', () => {
    const meta = parseLessonMeta('content/x-y.mdx', '---\ntitle: X\nsummary: About X.\norder: 3\n---\n\n## A\n');
    expect(meta).toEqual({ slug: 'x-y', title: 'X', summary: 'About X.', order: 3, file: 'content/x-y.mdx' });
  });
  test.each([
    ['no frontmatter', '## A\n', /missing YAML frontmatter/],
    ['no title', '---\nsummary: s\norder: 1\n---\n', /title/],
    ['order not an integer', '---\ntitle: T\nsummary: s\norder: one\n---\n', /order/],
  ])('%s is rejected with a message naming the file', (_name, source, message) => {
    expect(() => parseLessonMeta('content/bad.mdx', source)).toThrow(LessonFrontmatterError);
    expect(() => parseLessonMeta('content/bad.mdx', source)).toThrow(message);
    expect(() => parseLessonMeta('content/bad.mdx', source)).toThrow(/content\/bad\.mdx/);
  });
});

describe('headings', () => {
  test('ids follow rehype-slug (github-slugger), duplicates get a suffix', () => {
    const src = '---\ntitle: T\n---\n## Scaled dot-product attention\n### Why √d_k?\n## Check yourself\n### Example\n### Example\n';
    expect(headings(src).map((h) => h.id)).toEqual(['scaled-dot-product-attention', 'why-d_k', 'check-yourself', 'example', 'example-1']);
    expect(tableOfContents(src)).toHaveLength(5);
  });
});

describe('links', () => {
  const anchors = new Map([
    ['a', new Set(['one'])],
    ['b', new Set(['two'])],
  ]);
  test.each([
    ['#one', null],
    ['#nope', 'no heading #nope in a'],
    ['/lessons/b/#two', null],
    ['/lessons/b/#one', 'no heading #one in b'],
    ['/lessons/zzz/', 'no lesson "zzz"'],
    ['/review/', null],
    ['/nowhere', 'no page /nowhere'],
    ['https://arxiv.org/abs/1706.03762', null],
  ])('%s → %s', (url, reason) => {
    expect(brokenLinkReason(url, 'a', anchors)).toBe(reason);
  });
});

describe('the lessons in content/', () => {
  const lessons = listLessons();

  test('there are the six lessons, each with a unique order', () => {
    expect(lessons.map((l) => l.slug)).toEqual(['overview', 'tokenization', 'attention', 'architecture', 'sampling', 'training']);
  });

  test.each(lessons.map((l) => [l.slug]))('%s: heading ids are unique and there is a table of contents', (slug) => {
    const hs = headings(readLessonSource(slug));
    const ids = hs.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hs.some((h) => h.depth === 1)).toBe(false); // the page renders the title as the only h1
    expect(tableOfContents(readLessonSource(slug)).length).toBeGreaterThan(2);
  });

  test('every internal link resolves', () => {
    const anchors = new Map(lessons.map((l) => [l.slug, new Set(headings(readLessonSource(l.slug)).map((h) => h.id))]));
    const broken: string[] = [];
    for (const l of lessons) {
      for (const link of lessonLinks(readLessonSource(l.slug))) {
        const reason = brokenLinkReason(link.url, l.slug, anchors);
        if (reason) broken.push(`${l.file}:${link.line} ${link.url}: ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('lessons import nothing (components are registered once)', () => {
    const esm = (source: string) => parseMdx(source).children.filter((n) => n.type === 'mdxjsEsm');
    expect(esm('import x from "y"\n\n## A\n')).toHaveLength(1); // the check does see an import
    expect(esm('## A\n\n```python\nimport torch\n```\n')).toHaveLength(0); // but not one in a code block
    for (const l of lessons) expect(esm(readLessonSource(l.slug)), l.file).toEqual([]);
  });
});
