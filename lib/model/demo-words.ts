// How the page names the demo model: random weights, or trained here on the lessons (the manifest's
// `trained` record). One wording for the status line and the widgets' notes.

import type { TrainedRecord } from './manifest';
import { count } from '../format';

/** The status line's badge. */
export function demoBadge(trained?: TrainedRecord): string {
  return trained ? `demo model: trained on ${trained.corpus}, not GPT-2` : 'demo model: random weights, so its text is gibberish';
}

/** The badge's tooltip. */
export function demoBadgeTitle(trained?: TrainedRecord): string {
  const get = 'Run npm run model:gpt2 to get the real weights';
  return trained
    ? `${count(trained.steps)} training steps, ${count(trained.tokens)} tokens, validation loss ${trained.valLoss.toFixed(2)}. ${get}`
    : get;
}

/** The widgets' note before they run: which model, and what to expect of it. */
export function demoSentence(shape: string, trained?: TrainedRecord): string {
  return trained
    ? `This site runs the demo model: ${shape}, trained by this project for ${count(trained.steps)} steps on ${trained.corpus} ` +
        `(validation loss ${trained.valLoss.toFixed(2)} nats per token). Every number is computed exactly as GPT-2 computes it; a model ` +
        `this small, trained on so little text, has learned which words follow which and what the lessons talk about, and none of GPT-2's knowledge.`
    : `This site runs the demo model: ${shape}, with random weights. Every number is computed exactly as GPT-2 computes it, but a random ` +
        `model has learned nothing, so the patterns the lesson describes will not appear.`;
}
