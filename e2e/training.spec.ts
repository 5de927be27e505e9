// The training lesson's trainer, in Chromium: TensorFlow.js on WASM in a worker trains a small GPT-2 on
// the lessons, the loss falls from ln K, the model is kept in this browser and becomes the model of
// the generator and the attention explorer, and its download runs through the Node CLI to the same
// greedy tokens.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { generatedIds, watchErrors, widget } from './helpers';
import { countParameters } from '../lib/model/config';
import { count } from '../lib/format';

const PROMPT = 'The attention';
const N = 8;

test.setTimeout(240_000);

test('train on the lessons, watch the loss fall, keep the model, generate and look inside it', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/lessons/training/?backend=wasm');
  const w = await widget(page, 'Trainer');
  const corpus = w.getByTestId('trainer-corpus');
  await expect(corpus).toContainText('your corpus uses', { timeout: 30_000 });
  const K = Number(/uses ([\d,]+) of GPT-2/.exec((await corpus.textContent())!)![1].replace(/,/g, ''));
  expect(K).toBeGreaterThan(1000);
  expect(K).toBeLessThan(50_257);

  await w.getByRole('combobox', { name: 'Steps' }).selectOption('100');
  await w.getByRole('button', { name: 'Train', exact: true }).click();
  const status = w.getByTestId('trainer-status');
  await expect(status).toContainText('Step ', { timeout: 60_000 });
  // Pause holds the step count; Resume goes on.
  await w.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toContainText('paused');
  const held = await status.textContent();
  await page.waitForTimeout(1500);
  await expect(status).toHaveText(held!);
  await w.getByRole('button', { name: 'Resume' }).click();
  await expect(status).toContainText('Step 100 of 100', { timeout: 180_000 });
  await expect(status).toContainText('done');

  // The first validation loss is ln K within 0.3; after 100 steps the training loss is a nat lower.
  const figures = /training loss ([\d.]+) · validation loss ([\d.]+)/.exec((await status.textContent())!)!;
  expect(Number(figures[1])).toBeLessThan(Math.log(K) - 1);
  await expect(
    w.getByRole('img', {
      name: new RegExp(`^Loss curve over 100 of 100 steps, starting level ln ${count(K)} = ${Math.log(K).toFixed(2)}`),
    }),
  ).toBeVisible();
  await expect(w.getByTestId('trainer-samples').locator('li')).toHaveCount(3); // steps 0, 50, 100

  await w.getByRole('button', { name: 'Keep it and use it in the widgets' }).click();
  const kept = w.getByTestId('trainer-kept');
  await expect(kept).toContainText('is kept in this browser', { timeout: 60_000 });

  // The download is a Hugging Face folder the CLI exports and runs.
  const downloading = page.waitForEvent('download');
  await kept.getByRole('button', { name: /Download it/ }).click();
  const zipFile = testInfo.outputPath('model.zip');
  await (await downloading).saveAs(zipFile);
  const zip = unzipSync(readFileSync(zipFile));
  const dir = testInfo.outputPath('hf');
  for (const [path, bytes] of Object.entries(zip)) {
    const file = join(dir, path.split('/').slice(1).join('/'));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, bytes);
  }
  expect(
    Object.keys(zip)
      .map((p) => p.split('/').at(-1))
      .sort(),
  ).toEqual(['config.json', 'model.safetensors', 'token_map.json']);
  const exported = testInfo.outputPath('exported');
  execFileSync('npx', ['tsx', 'scripts/model-export.ts', '--from', dir, '--out', exported], { encoding: 'utf8' });
  const cli = JSON.parse(
    execFileSync(
      'npx',
      [
        'tsx',
        'scripts/generate.ts',
        '--model',
        exported,
        '--prompt',
        PROMPT,
        '--max-new-tokens',
        String(N),
        '--greedy',
        '--variant',
        'fp32',
        '--json',
      ],
      { encoding: 'utf8' },
    ),
  ) as { ids: number[] };

  // The generator runs the kept model and gives the CLI's greedy tokens.
  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: String(N), greedy: '1', backend: 'wasm' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
  const line = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(line).toContainText('your model “lessons 2×64, 100 steps”');
  await expect(line).toContainText('trained here');
  const ids = await generatedIds(page);
  expect(ids).toEqual(cli.ids);

  // The attention explorer opens it: its own shape, 4 heads.
  await page.goto('/lessons/attention/?backend=wasm');
  const a = await widget(page, 'Attention explorer');
  await expect(a.getByTestId('served-model')).toContainText(
    'These widgets run your model “lessons 2×64, 100 steps”: 2 layers of 4 heads of 16',
  );
  await a.getByRole('textbox').first().fill(PROMPT);
  await a.getByRole('button', { name: 'Run the model' }).click();
  await expect(a.getByTestId('attention-check')).toContainText('Matches the model', { timeout: 60_000 });
  await expect(a.getByRole('button', { name: /^h\d+: head \d+$/ })).toHaveCount(4);

  // Back to the site's model from the status line's menu.
  await page.getByRole('status').filter({ hasText: 'Model:' }).getByText('Details and settings').click();
  await page.getByRole('combobox', { name: 'Model' }).selectOption('');
  await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText('the demo model', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('Shakespeare for the whole vocabulary: the run starts at ln 50,257 and the kept model reads any prompt', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/lessons/training/?backend=wasm');
  const w = await widget(page, 'Trainer');
  await w.getByRole('radio', { name: /Shakespeare: the opening of Coriolanus/ }).check();
  await w.getByRole('checkbox', { name: /Whole vocabulary/ }).check();
  const corpus = w.getByTestId('trainer-corpus');
  await expect(corpus).toContainText(
    /^1,364 tokens; your corpus uses 512 of GPT-2’s 50,257 tokens, so the model’s wte has 512 rows, and one more that the other 49,745 share\./,
  );
  // K + 1 = 513 rows of wte, the default blocks.
  const params = countParameters({ vocabSize: 513, blockSize: 64, nLayer: 2, nHead: 4, nEmbd: 64, layerNormEpsilon: 1e-5 }).total;
  await expect(w.getByTestId('trainer-params')).toContainText(`${count(params)} parameters`);

  await w.getByRole('combobox', { name: 'Steps' }).selectOption('100');
  await w.getByRole('button', { name: 'Train', exact: true }).click();
  const status = w.getByTestId('trainer-status');
  await expect(status).toContainText('Step 100 of 100', { timeout: 120_000 });
  await expect(w.getByRole('img', { name: /starting level ln 50,257 = 10\.82/ })).toBeVisible();
  const latest = Number(/training loss ([\d.]+)/.exec((await status.textContent())!)![1]);
  expect(latest).toBeLessThan(Math.log(512)); // below ln K after 100 steps on 1,227 tokens

  await w.getByRole('button', { name: 'Keep it and use it in the widgets' }).click();
  await expect(w.getByTestId('trainer-kept')).toContainText('is kept in this browser', { timeout: 60_000 });

  // "transformer" is not in Coriolanus; the model still reads it (the shared row).
  await page.goto('/lessons/attention/?backend=wasm');
  const a = await widget(page, 'Attention explorer');
  await expect(a.getByTestId('served-model')).toContainText('your model “Coriolanus 2×64, 100 steps”');
  await a.getByRole('textbox').first().fill('The transformer attends to');
  await a.getByRole('button', { name: 'Run the model' }).click();
  await expect(a.getByTestId('attention-check')).toContainText('Matches the model', { timeout: 60_000 });
  await expect(a.getByText(/is not among this model's/)).toHaveCount(0);

  // The deck page's storage panel lists it; Delete asks once more, then the widgets go back to the demo.
  await page.goto('/deck/');
  const kept = page.getByTestId('my-models-list');
  await expect(kept.locator('li')).toHaveCount(1);
  await expect(kept).toContainText('Coriolanus 2×64, 100 steps');
  await kept.getByRole('button', { name: 'Delete “Coriolanus 2×64, 100 steps”' }).click();
  await kept.getByRole('button', { name: 'Keep it' }).click(); // changed its mind: still there
  await expect(kept.locator('li')).toHaveCount(1);
  await kept.getByRole('button', { name: 'Delete “Coriolanus 2×64, 100 steps”' }).click();
  await kept.getByRole('button', { name: 'Delete it for good' }).click();
  await expect(page.getByTestId('my-models-storage')).toHaveText(/^none/);
  await page.goto('/lessons/attention/?backend=wasm');
  await expect((await widget(page, 'Attention explorer')).getByTestId('served-model')).not.toContainText('your model');
  expect(errors).toEqual([]);
});
