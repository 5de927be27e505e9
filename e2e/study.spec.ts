// The study UI end to end: review with the keyboard and undo, importing notes (hostile notes:
// trust.spec.ts), backups, and the .apkg download read back the way Anki's importer starts.
// Time is fixed with page.clock so that day boundaries and due dates are deterministic.

import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import { readApkg, noteGuid } from '../lib/anki';
import { clozeAnswers, clozeNumbers, type Card } from '../lib/cards';
import { loadDeck } from '../lib/content/extract-cards';
import { listLessons } from '../lib/content/lessons';
import { reviewItems } from '../lib/srs';
import { watchErrors } from './helpers';

// Local 10:00, well inside a review day (days start at 04:00), so "today" is the same all test long.
const T0 = new Date(2026, 2, 2, 10, 0, 0);
const DAY = 86_400_000;
const NEW_PER_DAY = 20; // DEFAULT_SETTINGS.dailyNewLimit

let deck: Card[];
test.beforeAll(async () => {
  deck = await loadDeck('content');
});

const sessionProgress = (page: Page) => page.getByRole('status', { name: 'Session progress' });
const currentCard = (page: Page) => page.getByRole('region', { name: 'Current card' });
const counts = (left: number, due: number, fresh: number) => `${left} left · ${due} due · ${fresh} new`;

/** Number of answers in the saved data (IndexedDB), or null before anything was saved. */
function savedAnswers(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const open = indexedDB.open('gpt2-pamphlet');
        // The app has not created its database yet: leave it to the app (an upgrade here would break it).
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('state')) return (db.close(), resolve(null));
          const get = db.transaction('state', 'readonly').objectStore('state').get('gpt2-pamphlet');
          get.onsuccess = () => {
            db.close();
            resolve(typeof get.result === 'string' ? (JSON.parse(get.result).state.progress.log.length as number) : null);
          };
          get.onerror = () => (db.close(), resolve(null));
        };
      }),
  );
}

/** Replaces the saved data with `raw` once the app has created its store; false until then. */
function writeSavedData(page: Page, raw: string): Promise<boolean> {
  return page.evaluate(
    (value) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('gpt2-pamphlet');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('state')) return (db.close(), resolve(false));
          const tx = db.transaction('state', 'readwrite');
          tx.objectStore('state').put(value, 'gpt2-pamphlet');
          tx.oncomplete = () => (db.close(), resolve(true));
          tx.onerror = () => (db.close(), resolve(false));
        };
      }),
    raw,
  );
}

/** Space shows the answer and moves focus to the grade buttons; a digit grades. */
async function answer(page: Page, key: '1' | '2' | '3' | '4') {
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
  await page.keyboard.press(key);
}

test('review with the keyboard (Space, then 3); the schedule survives a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  const first = await currentCard(page).getAttribute('data-item-key');
  expect(first).toBeTruthy();

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Good/ })).toBeFocused();
  for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
    await expect(page.getByRole('button', { name: new RegExp(`^${name} \\S+$`) })).toBeVisible(); // name + interval
  }
  await page.keyboard.press('3');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 1, 0, NEW_PER_DAY - 1));
  await expect(currentCard(page)).not.toHaveAttribute('data-item-key', first!);
  await expect.poll(() => savedAnswers(page)).toBe(1);

  await page.reload();
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 1, 0, NEW_PER_DAY - 1));
  await expect(currentCard(page)).not.toHaveAttribute('data-item-key', first!);

  // Home: nothing due yet, one new card fewer today, and the card's lesson shows it reviewed.
  const slug = first!.split('/')[0];
  const lesson = listLessons().find((l) => l.slug === slug)!;
  const lessonItems = reviewItems(deck.filter((c) => c.source?.lesson === slug)).length;
  const lessonEntry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: lesson.title, exact: true }) });
  await page.goto('/');
  await expect(page.getByText(/\d+ due · \d+ new available today/)).toHaveText(`0 due · ${NEW_PER_DAY - 1} new available today`);
  await expect(lessonEntry).toContainText(`0 due · ${lessonItems} cards · 1 reviewed`);

  // A day later the card is due again: it comes first, and answering it takes it out of the due count.
  await page.clock.setFixedTime(T0.getTime() + DAY);
  await page.reload();
  await expect(page.getByText(/\d+ due · \d+ new available today/)).toHaveText(`1 due · ${NEW_PER_DAY} new available today`);
  await expect(lessonEntry).toContainText(`1 due · ${lessonItems} cards · 1 reviewed`);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY + 1, 1, NEW_PER_DAY));
  await expect(currentCard(page)).toHaveAttribute('data-item-key', first!);
  await answer(page, '3');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await expect.poll(() => savedAnswers(page)).toBe(2);
  await page.reload();
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await expect(currentCard(page)).not.toHaveAttribute('data-item-key', first!);
  expect(errors).toEqual([]);
});

test('statistics: a plain note before the first answer, then the answer counted in both tables', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.setFixedTime(T0);
  await page.goto('/stats/');
  await expect(page.getByTestId('stats-empty')).toContainText('No answers yet');
  await expect(page.locator('table.day-bars')).toHaveCount(0);

  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await answer(page, '3');
  await expect.poll(() => savedAnswers(page)).toBe(1);

  await page.goto('/stats/');
  await expect(page.getByTestId('stats-empty')).toHaveCount(0);
  const figure = (name: string) => page.locator('.study-stats__figures div').filter({ hasText: name }).locator('dd');
  await expect(figure('Answers')).toHaveText('1');
  await expect(figure('Cards studied')).toHaveText('1');
  const table = (caption: RegExp) => page.locator('table.day-bars').filter({ has: page.locator('caption', { hasText: caption }) });
  await expect(table(/^Answers per day/).locator('tbody tr')).toHaveText([/^Today\s*1$/]);
  // The answered card is scheduled once within the next 14 days (a new card answered Good is still learning).
  const ahead = await table(/^Due in the next 14 days/)
    .locator('.day-bars__n')
    .allTextContents();
  expect(ahead).toHaveLength(14);
  expect(ahead.reduce((sum, n) => sum + Number(n), 0)).toBe(1);
  expect(errors).toEqual([]);
});

test('undo (U, then Ctrl+Z) restores the last answer, also after a reload', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  const first = await currentCard(page).getAttribute('data-item-key');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();

  await answer(page, '3');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 1, 0, NEW_PER_DAY - 1));
  await expect.poll(() => savedAnswers(page)).toBe(1);
  await page.keyboard.press('u');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await expect(currentCard(page)).toHaveAttribute('data-item-key', first!);
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
  await expect.poll(() => savedAnswers(page)).toBe(0);

  // A minute later: an answer at the very instant of the undone one would reuse its log id (`<key>@<time>`).
  await page.clock.setFixedTime(T0.getTime() + 60_000);
  await page.reload();
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await expect(currentCard(page)).toHaveAttribute('data-item-key', first!);

  await answer(page, '4');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 1, 0, NEW_PER_DAY - 1));
  await expect(undo).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await expect(currentCard(page)).toHaveAttribute('data-item-key', first!);
  await expect(undo).toBeDisabled();
});

test('typed answers: a cloze card checks what was typed before grading', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('checkbox', { name: /Type the answer/ }).check();
  const key = (await currentCard(page).getAttribute('data-item-key'))!;
  const item = reviewItems(deck).find((i) => i.key === key)!;
  expect(item.cloze, `the first card (${key}) should be a cloze card`).toBeDefined();
  const field = page.getByRole('textbox', { name: 'Your answer' });
  await field.fill(clozeAnswers(item.card.front, item.cloze!).join(', '));
  await field.press('Enter');
  await expect(page.getByText('Correct.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Good/ })).toBeFocused();
  await page.keyboard.press('3');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 1, 0, NEW_PER_DAY - 1));
  // A wrong answer says what was expected and suggests Again.
  await page.getByRole('textbox', { name: 'Your answer' }).fill('certainly not this');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText(/^Not quite\. Expected: /)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Again/ })).toBeFocused();
});

test('the end-of-lesson quiz reviews every card of that lesson', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  const lesson = listLessons().find((l) => reviewItems(deck.filter((c) => c.source?.lesson === l.slug)).length > 0)!;
  const n = reviewItems(deck.filter((c) => c.source?.lesson === lesson.slug)).length;
  await page.goto(`/lessons/${lesson.slug}/`);
  await page.getByRole('link', { name: `Start the “${lesson.title}” quiz` }).click();
  await expect(page).toHaveURL(new RegExp(`/review/\\?lesson=${lesson.slug}$`));
  await expect(page.getByRole('heading', { name: `Lesson quiz: ${lesson.title}` })).toBeVisible();
  await expect(sessionProgress(page)).toHaveText(counts(n, 0, n));
  const key = await currentCard(page).getAttribute('data-item-key');
  expect(key!.startsWith(`${lesson.slug}/`)).toBe(true);
  const card = deck.find((c) => c.id === key!.split('#')[0])!;
  await expect(
    currentCard(page).getByRole('link', {
      name: card.source!.section ? `Read “${card.source!.section}” in ${lesson.title}` : `Read the section in “${lesson.title}”`,
    }),
  ).toHaveAttribute('href', new RegExp(`^/lessons/${lesson.slug}/#[a-z0-9-]+$`));
});

const NOTE = [
  'What is the vocabulary size of GPT-2? ? 50,257',
  '',
  'GPT-2 small has ==12== layers.',
  '',
  'scaled dot product attention equation ?',
].join('\n');

/** The import page is interactive once the saved decks are loaded. */
async function openImport(page: Page) {
  await page.goto('/import/');
  await expect(page.getByText('No imported decks yet.')).toBeVisible();
}

/** Pastes a note on the import page and saves its cards into `deck`. */
async function saveNote(page: Page, note: string, deck: string, cards: number) {
  await openImport(page);
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
  await page.getByRole('textbox', { name: 'Deck for these cards' }).fill(deck);
  await page.getByRole('button', { name: `Save ${cards} cards` }).click();
  await expect(page.getByText(`Saved ${cards} cards to ${deck}.`, { exact: false })).toBeVisible();
}

test('import a note by pasting: preview, warnings, save; the cards are in the deck and in review', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.setFixedTime(T0);
  await openImport(page);
  // A plain question with its answer on the next line is not a card form: say how to write one.
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill('What is wpe?\nthe position embedding table');
  await expect(page.getByRole('note')).toContainText('No card in this text yet');
  await expect(page.getByRole('button', { name: 'Save 0 cards' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(NOTE);
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Deck for these cards' }).fill('e2e-notes');
  const preview = page.getByRole('table', { name: /^Preview: 2 cards/ });
  await expect(preview.getByRole('row')).toHaveCount(3); // header + 2 cards
  await expect(preview).toContainText('What is the vocabulary size of GPT-2?');
  await expect(preview).toContainText('50,257');
  await expect(preview.locator('.cloze-blank')).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: /^Line 5: / })).toBeVisible();

  await page.getByRole('button', { name: 'Save 2 cards' }).click();
  await expect(page.getByText(/^Saved 2 cards to e2e-notes\./)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'e2e-notes' })).toContainText('2 cards');

  // "See them in the deck" lands on the imported deck's group, below all the pamphlet's cards.
  await page.getByRole('link', { name: 'See them in the deck' }).click();
  const group = page.getByRole('region', { name: 'e2e-notes' });
  await expect(group.getByRole('listitem')).toHaveCount(2);
  await expect(group).toBeInViewport();
  await expect(group).toContainText('What is the vocabulary size of GPT-2?');
  const search = page.getByRole('searchbox', { name: 'Search cards' });
  await search.fill('vocabulary size');
  await expect(page.getByRole('region', { name: 'e2e-notes' }).getByRole('listitem')).toHaveCount(1);
  await search.fill('zzz-no-such-card');
  await expect(page.getByText('No card matches “zzz-no-such-card”')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect(group.getByRole('listitem')).toHaveCount(2);

  await page.goto(`/review/?deck=${encodeURIComponent('e2e-notes')}`);
  await expect(sessionProgress(page)).toHaveText(counts(2, 0, 2));
  await expect(currentCard(page)).toContainText('What is the vocabulary size of GPT-2?');
  await page.keyboard.press('Space');
  await expect(currentCard(page)).toContainText('50,257');
  expect(errors).toEqual([]);
});

test('import offline before the note reader is cached: a message, then the preview once it loads', async ({ page }) => {
  await openImport(page);
  // The page is interactive; from here every script request fails, as it would offline on a first visit.
  await page.route('**/_next/static/chunks/*.js', (route) => route.abort('internetdisconnected'));
  const note = page.getByRole('textbox', { name: 'Note (Markdown)' });
  await note.fill('What is wpe? ? the position embedding table');
  const failed = page.getByRole('alert').filter({ hasText: 'note reader' });
  await expect(failed).toHaveText('The note reader could not be loaded (offline?). Edit the text to try again.');
  await expect(page.getByRole('button', { name: 'Save 0 cards' })).toBeDisabled();
  await page.unroute('**/_next/static/chunks/*.js');
  await note.fill('What is wpe? ? the position embedding table\nWhat is wte? ? the token embedding table');
  await expect(failed).toHaveCount(0);
  await expect(page.getByRole('table', { name: /^Preview: 2 cards/ })).toContainText('the token embedding table');
  await expect(page.getByRole('button', { name: 'Save 2 cards' })).toBeEnabled();
});

test('a finished session ends with a summary of the answers and a next step', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  await saveNote(page, 'What is the vocabulary size of GPT-2? ? 50,257\n\nGPT-2 small has ==12== layers.', 'e2e-summary', 2);
  await page.goto(`/review/?deck=${encodeURIComponent('e2e-summary')}`);
  await expect(sessionProgress(page)).toHaveText(counts(2, 0, 2));
  await expect(page.getByTestId('session-summary')).toHaveCount(0);
  await answer(page, '1');
  await answer(page, '4');
  await expect(sessionProgress(page)).toHaveText(counts(0, 0, 0));
  await expect(page.getByTestId('session-summary')).toHaveText('Session done: 2 answers (1 Again, 1 Easy).');
  await expect(page.getByRole('link', { name: 'Statistics' }).first()).toBeVisible();
});

test('fresh imports and cards held back by the daily limit can be studied now, past the limit', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await page.getByText('Settings').click();
  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('1');
  await expect(sessionProgress(page)).toHaveText(counts(1, 0, 1));
  await saveNote(
    page,
    'What is wte? ? the token embedding\n\nWhat is wpe? ? the position embedding\n\nWhat is ln_f? ? the final LayerNorm',
    'e2e-more',
    3,
  );
  await page.getByRole('link', { name: 'Study them now' }).click();
  await expect(page.getByRole('heading', { name: 'Deck: e2e-more' })).toBeVisible();
  await expect(page.getByText("Every new card, past today's limit.")).toBeVisible();
  await expect(sessionProgress(page)).toHaveText(counts(3, 0, 3));

  // Keeping to the limit of 1: one new card, then the other two wait, with the offer to study them now.
  await page.getByRole('link', { name: 'Keep to the limit' }).click();
  await expect(sessionProgress(page)).toHaveText(counts(1, 0, 1));
  await answer(page, '3');
  await expect(page.getByTestId('held-back')).toContainText("2 new cards wait for another day: you have started 1 of today's 1 new cards.");
  await page.getByRole('link', { name: 'Study these 2 now' }).click();
  await expect(sessionProgress(page)).toHaveText(counts(2, 0, 2));
  await answer(page, '3');
  await answer(page, '3');
  await expect(page.getByTestId('held-back')).toHaveCount(0);

  // The deck page: each card's next review, and its answer on demand (lesson cards too).
  await page.goto('/deck/');
  const group = page.getByRole('region', { name: 'e2e-more' });
  const wte = group.getByRole('listitem').filter({ hasText: 'What is wte?' });
  await expect(wte).not.toContainText('the token embedding');
  await expect(group.locator('.deck-card__due')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show answers and due dates' }).check();
  await expect(group.locator('.deck-card__due')).toHaveText(['due in 10m', 'due in 10m', 'due in 10m']);
  const lessonCard = page.locator('.deck-card').first();
  await expect(lessonCard.locator('.deck-card__due')).toHaveText('new');
  await expect(wte.locator('.deck-card__back')).toContainText('the token embedding');
  await expect(lessonCard.locator('.deck-card__back')).not.toHaveText('…');
});

test('a backup exported here and imported into a fresh browser gives the same due counts', async ({ page, browser }, testInfo) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await answer(page, '3');
  await answer(page, '1');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 2, 0, NEW_PER_DAY - 2));
  await expect.poll(() => savedAnswers(page)).toBe(2);

  await page.goto('/deck/');
  const exportButton = page.getByRole('button', { name: 'Export progress (JSON)' });
  await expect(exportButton).toBeEnabled();
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^gpt2-pamphlet-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);

  // A fresh context has empty storage: a second browser.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const fresh = await other.newPage();
  await fresh.clock.setFixedTime(T0);
  await fresh.goto('/deck/');
  const input = fresh.getByLabel('Import progress (a backup .json file)');
  await expect(input).toBeEnabled();
  // A file that is not a backup is refused with a reason, and nothing changes.
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  // (Filtered: Next's route announcer is a role="alert" too.)
  await expect(fresh.getByRole('alert').filter({ hasText: 'could not be imported' })).toContainText(
    '“notes.json” could not be imported: this file is not a GPT-2 Pamphlet backup',
  );
  await input.setInputFiles(file);
  await fresh.getByRole('group', { name: 'Confirm import' }).getByRole('button', { name: 'Replace my progress' }).click();
  await expect(fresh.getByText(/^Progress restored: 2 answers on 2 cards/)).toBeVisible();
  await expect.poll(() => savedAnswers(fresh)).toBe(2);

  for (const at of [T0.getTime(), T0.getTime() + DAY]) {
    const seen: string[] = [];
    for (const p of [page, fresh]) {
      await p.clock.setFixedTime(at);
      await p.goto('/review/');
      await expect(sessionProgress(p)).toHaveText(/left/);
      seen.push((await sessionProgress(p).textContent())!);
    }
    expect(seen[1]).toBe(seen[0]);
  }
  // A day later both answered cards are due.
  expect((await sessionProgress(fresh).textContent())!).toBe(counts(NEW_PER_DAY + 2, 2, NEW_PER_DAY));
  await other.close();
});

test('a storage problem shows an alert with a way out, and reviewing still works', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await expect.poll(() => writeSavedData(page, '{this is not json')).toBe(true);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Your progress may not be saved' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Export progress (JSON)' })).toBeVisible();
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  await answer(page, '3');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY - 1, 0, NEW_PER_DAY - 1));
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

async function downloadApkg(page: Page): Promise<Uint8Array> {
  const button = page.getByRole('button', { name: 'Download Anki deck (.apkg)' });
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('gpt2-pamphlet.apkg');
  return new Uint8Array(await readFile((await download.path())!));
}

test('the deck page downloads an .apkg that reads back like Anki would read it; GUIDs are stable', async ({ page }) => {
  await page.goto('/deck/');
  await expect(page.getByRole('checkbox', { name: /Include my progress/ })).toBeEnabled(); // hydrated
  await expect(page.getByRole('checkbox', { name: /Include my progress/ })).not.toBeChecked();
  const sqlJs = await initSqlJs();
  const pkg = readApkg(await downloadApkg(page), sqlJs);

  expect(pkg.files).toEqual(['collection.anki2', 'media']);
  expect(pkg.notes).toHaveLength(deck.length);
  const guids = pkg.notes.map((n) => String(n.guid));
  expect(new Set(guids).size).toBe(guids.length);
  expect(new Set(guids)).toEqual(new Set(deck.map((c) => noteGuid(c.id))));
  // One Anki card per review item: per cloze number (ord = n - 1), two for reversed, one for basic.
  expect(pkg.cards).toHaveLength(reviewItems(deck).length);
  const noteIdByGuid = new Map(pkg.notes.map((n) => [String(n.guid), n.id]));
  for (const card of deck) {
    const nid = noteIdByGuid.get(noteGuid(card.id));
    const ords = pkg.cards
      .filter((c) => c.nid === nid)
      .map((c) => Number(c.ord))
      .sort((a, b) => a - b);
    const expected = card.type === 'cloze' ? clozeNumbers(card.front).map((n) => n - 1) : card.type === 'reversed' ? [0, 1] : [0];
    expect(ords, card.id).toEqual(expected);
  }
  expect(pkg.revlog).toHaveLength(0); // progress is off by default

  const again = readApkg(await downloadApkg(page), sqlJs);
  expect(again.notes.map((n) => String(n.guid))).toEqual(guids);
});

test('"Include my progress" puts the answers in the .apkg; the TSV holds one row per note', async ({ page }) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  await expect(sessionProgress(page)).toHaveText(counts(NEW_PER_DAY, 0, NEW_PER_DAY));
  const key = (await currentCard(page).getAttribute('data-item-key'))!;
  await answer(page, '3');
  await expect.poll(() => savedAnswers(page)).toBe(1);

  await page.goto('/deck/');
  const progress = page.getByRole('checkbox', { name: /Include my progress/ });
  await expect(progress).toBeEnabled();
  await progress.check();
  const pkg = readApkg(await downloadApkg(page), await initSqlJs());
  expect(pkg.revlog).toHaveLength(1);
  const [cardId, ord] = [key.slice(0, key.lastIndexOf('#')), Number(key.slice(key.lastIndexOf('#') + 1))];
  const nid = pkg.notes.find((n) => String(n.guid) === noteGuid(cardId))!.id;
  const answered = pkg.cards.find((c) => c.nid === nid && Number(c.ord) === ord)!;
  expect(pkg.revlog[0].cid).toBe(answered.id);
  expect(Number(answered.type)).not.toBe(0); // no longer new
  expect(pkg.cards.filter((c) => Number(c.type) !== 0)).toHaveLength(1);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV/TSV (.txt)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('gpt2-pamphlet.txt');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('#separator:tab\n')).toBe(true);
  // Records end at newlines outside "quoted" fields; header lines start with '#'.
  const records: string[] = [];
  let quoted = false;
  let record = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      records.push(record);
      record = '';
    } else record += ch;
  }
  expect(records.filter((r) => !r.startsWith('#'))).toHaveLength(deck.length);
});

test('"Export this lesson to Anki" downloads that lesson\'s notes', async ({ page }) => {
  const lesson = listLessons().find((l) => deck.some((c) => c.source?.lesson === l.slug))!;
  const cards = deck.filter((c) => c.source?.lesson === lesson.slug);
  await page.goto(`/lessons/${lesson.slug}/`);
  await expect(page.getByText(`This lesson has ${reviewItems(cards).length} cards.`)).toBeVisible();
  const button = page.getByRole('button', { name: 'Export this lesson to Anki' });
  await expect(button).toBeEnabled(); // hydrated
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`gpt2-pamphlet-${lesson.slug}.apkg`);
  const pkg = readApkg(new Uint8Array(await readFile((await download.path())!)), await initSqlJs());
  expect(new Set(pkg.notes.map((n) => String(n.guid)))).toEqual(new Set(cards.map((c) => noteGuid(c.id))));
});

test('study pages fit a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.clock.setFixedTime(T0);
  for (const url of ['/', '/review/', '/deck/', '/import/', '/stats/']) {
    await page.goto(url);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} is wider than the screen`).toBeLessThanOrEqual(0);
  }
  await page.goto('/import/');
  await expect(page.getByText('No imported decks yet.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(NOTE);
  await expect(page.getByRole('table', { name: /^Preview/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
