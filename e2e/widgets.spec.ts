// The lessons' live widgets, in Chromium against the static export.
import { test, expect } from '@playwright/test';
import { watchErrors, widget } from './helpers';

test.describe('tokenizer playground', () => {
  test('tokens, presets, keyboard and BPE merges come from the real tokenizer', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/lessons/tokenization/');
    const w = await widget(page, 'Tokenizer playground');
    await w.getByRole('textbox', { name: 'Text to tokenize' }).fill('Hello world');
    await expect(w.getByRole('table', { name: 'Tokens of the text' }).locator('tbody tr')).toHaveCount(2);
    await expect(w.getByRole('option', { name: /id 995/ })).toBeVisible();

    await w.getByRole('button', { name: 'Emoji' }).click();
    await expect(w.getByRole('listbox', { name: 'Tokens' }).getByRole('option', { name: /part of the character/ })).toHaveCount(5);

    await w.getByRole('button', { name: '<|endoftext|>' }).click();
    await expect(w.getByRole('option', { name: /<\|endoftext\|>, id 50256/ })).toHaveCount(1);

    const tokens = w.getByRole('listbox', { name: 'Tokens' });
    await tokens.getByRole('option').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(tokens.getByRole('option', { selected: true })).toBeFocused();
    await expect(tokens.getByRole('option', { selected: true })).toHaveAccessibleName(/^Token 2 of /);
    expect(errors).toEqual([]);
  });
});

test.describe('training-pairs maker', () => {
  test('block_size examples per chunk, shifted by one', async ({ page }) => {
    await page.goto('/lessons/tokenization/');
    const w = await widget(page, 'Training-pairs maker');
    await expect(w.getByRole('table', { name: /training examples inside this chunk/ }).locator('tbody tr')).toHaveCount(8);
    await w.getByRole('slider', { name: 'block_size' }).fill('3');
    await expect(w.getByRole('table', { name: /The 3 training examples/ }).locator('tbody tr')).toHaveCount(3);
    await w.getByRole('slider', { name: 'Chunk start i' }).press('End');
    await expect(w.getByRole('button', { name: 'Next' })).toBeDisabled();
  });
});

test('the tokenizer widgets fit a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/lessons/tokenization/');
  await (await widget(page, 'Tokenizer playground')).getByRole('table').first().waitFor();
  await expect((await widget(page, 'Training-pairs maker')).getByRole('table').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
