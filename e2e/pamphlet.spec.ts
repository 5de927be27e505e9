import { test, expect } from '@playwright/test';
import { watchErrors } from './helpers';
import { listLessons } from '../lib/content/lessons';
import { lessonHeadings, parseLessonTree, tableOfContents as tocOf } from '../lib/content/lesson';
import { readLessonSource } from '../lib/content/lessons';

const headings = (source: string) => lessonHeadings(parseLessonTree(source));
const tableOfContents = (source: string) => tocOf(headings(source));

const lessons = listLessons();

test('home lists every lesson in order and links to it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'How GPT-2 works' })).toBeVisible();
  const links = page.locator('.lesson-list a');
  await expect(links).toHaveText(lessons.map((l) => l.title));
  await links.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${lessons[1].slug}/$`));
  await expect(page.getByRole('heading', { level: 1, name: lessons[1].title })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const lesson of lessons) {
  test(`lesson "${lesson.slug}" renders with its table of contents, equations and no console errors`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/lessons/${lesson.slug}/`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    const source = readLessonSource(lesson.slug);
    const toc = tableOfContents(source);
    expect(toc.length).toBeGreaterThan(2);
    const tocNav = page.getByRole('navigation', { name: 'On this page' });
    await expect(tocNav.getByRole('link')).toHaveCount(toc.length);
    // Every TOC entry points at a heading that exists on the page.
    for (const entry of toc) {
      await expect(page.locator(`article [id="${entry.id}"]`)).toHaveCount(1);
    }
    // Math in the source is rendered by KaTeX, not left as dollar signs.
    if (/\$[^$\n]+\$/.test(source)) {
      expect(await page.locator('article .katex').count()).toBeGreaterThan(0);
      await expect(page.locator('article .katex-error')).toHaveCount(0);
    }
    // Following a TOC link scrolls to its section.
    const target = toc[toc.length - 1];
    await tocNav.getByRole('link', { name: target.text, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${target.id}$`));
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
    expect(errors).toEqual([]);
  });
}

test('lesson pager walks through all lessons in order', async ({ page }) => {
  await page.goto(`/lessons/${lessons[0].slug}/`);
  for (let i = 1; i < lessons.length; i++) {
    await page
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: `${lessons[i].title} →` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: lessons[i].title })).toBeVisible();
  }
});

test('dark mode toggles, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/lessons/${lessons[0].slug}/`);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await bg();
  expect(dark).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toBe(dark);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  expect(await bg()).toBe(light);
});

test('at phone width no page scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const url of ['/', ...lessons.map((l) => `/lessons/${l.slug}/`), '/review/', '/generator/', '/deck/', '/glossary/']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} is wider than the screen`).toBeLessThanOrEqual(0);
  }
  await page.goto(`/lessons/${lessons[0].slug}/`);
  await page.screenshot({ path: 'test-results/phone-lesson.png', fullPage: false });
});

test('keyboard: skip link and tab order reach the content', async ({ page }) => {
  await page.goto(`/lessons/${lessons[0].slug}/`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('every heading id on a lesson page is unique', async ({ page }) => {
  for (const lesson of lessons) {
    await page.goto(`/lessons/${lesson.slug}/`);
    const ids = await page.locator('article :is(h1,h2,h3,h4)[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size, lesson.slug).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(headings(readLessonSource(lesson.slug)).length);
  }
});
