// The trainer widget in headless Chromium (Debian's), for `npm run train:bench -- --browser`: the static
// export's training lesson, the default model and corpus, `steps` steps. Reads the widget's status line
// once a second: when the training loss (mean of the last 10 steps) first sits 2 nats below its start,
// the steps per second over the run, and the loss at the end.
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, serve } from './local-site.mjs';

export interface BrowserRun {
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  tokensPerSecond: number;
  firstLoss: number;
  lastLoss: number;
  /** Seconds from the first step until the loss was 2 nats below the first, or null. */
  twoNatsAfter: number | null;
}

export async function benchBrowser(dir: string, steps: number, tokensPerStep: number): Promise<BrowserRun> {
  const site = await serve(dir, []);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/lessons/training/`);
    const w = page.getByRole('region', { name: 'Trainer', exact: true });
    await w.scrollIntoViewIfNeeded();
    await page.getByTestId('trainer-corpus').filter({ hasText: 'your corpus uses' }).waitFor({ timeout: 60_000 });
    await w.getByRole('combobox', { name: 'Steps' }).selectOption(String(steps));
    await w.getByRole('button', { name: 'Train', exact: true }).click();
    const read = async () => {
      const text = (await page.getByTestId('trainer-status').textContent()) ?? '';
      const m = /Step ([\d,]+) of [\d,]+ · training loss ([\d.]+)/.exec(text);
      return { text, step: m ? Number(m[1].replace(/,/g, '')) : 0, loss: m ? Number(m[2]) : NaN };
    };
    let first: { t: number; loss: number } | null = null;
    let twoNatsAfter: number | null = null;
    let last = await read();
    for (;;) {
      last = await read();
      const t = performance.now();
      if (!first && last.step > 0) first = { t, loss: last.loss };
      if (first && twoNatsAfter === null && last.loss <= first.loss - 2) twoNatsAfter = (t - first.t) / 1000;
      if (/done|stopped|Training stopped/.test(last.text)) break;
      await page.waitForTimeout(1000);
    }
    if (!first || last.step === 0) throw new Error(`the trainer did not run: ${last.text}`);
    const seconds = (performance.now() - first.t) / 1000;
    const stepsPerSecond = last.step / seconds;
    return {
      steps: last.step,
      seconds,
      stepsPerSecond,
      tokensPerSecond: stepsPerSecond * tokensPerStep,
      firstLoss: first.loss,
      lastLoss: last.loss,
      twoNatsAfter,
    };
  } finally {
    await browser.close();
    await site.stop();
  }
}
