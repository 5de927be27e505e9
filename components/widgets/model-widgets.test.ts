// Smoke tests of the live-model widgets' first render (before any model output): labelled controls,
// the prompt, and a clearly labelled placeholder instead of numbers.
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import AttentionExplorer from './AttentionExplorer';
import KvCacheMeter from './KvCacheMeter';
import NextTokenBars from './NextTokenBars';
import ResidualStream from './ResidualStream';

const render = (C: ComponentType) => renderToString(createElement(C)).replaceAll('<!-- -->', '');
const labelFor = (html: string, text: string) => html.match(new RegExp(`<label for="([^"]+)"[^>]*>${text}`))?.[1];

describe.each([
  ['Attention explorer', AttentionExplorer, 'When Mary and John went to the store'],
  ['Next-token probabilities', NextTokenBars, 'The Eiffel Tower is in the city of'],
  ['Residual stream', ResidualStream, 'The residual stream carries'],
  ['KV cache', KvCacheMeter, 'Keys and values of earlier tokens'],
] as const)('%s before the model has answered', (name, Widget, prompt) => {
  const html = render(Widget);

  it('is a labelled region with a prefilled, labelled prompt', () => {
    expect(html).toContain(`aria-label="${name}"`);
    const id = labelFor(html, 'Prompt');
    expect(id).toBeTruthy();
    expect(html).toMatch(new RegExp(`<textarea id="${id}"[^>]*>${prompt}`));
  });

  it('shows a labelled placeholder and no table, chart or error', () => {
    expect(html).toContain('data-testid="model-placeholder"');
    expect(html).toContain('No model output yet.');
    expect(html).not.toContain('<table');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('role="alert"');
  });

  it('has a button that starts the model', () => {
    expect(html).toMatch(/<button type="button" class="btn btn--primary"[^>]*>(Run the model|Generate 16 tokens \(greedy\))<\/button>/);
  });
});

describe('NextTokenBars controls', () => {
  const html = render(NextTokenBars);
  it('labels the three sliders with their ranges, all filters off', () => {
    for (const [label, min, max, value] of [
      ['Temperature', '0.1', '2', '1'],
      ['Top-k', '0', '100', '0'],
      ['Top-p', '0.05', '1', '1'],
    ]) {
      const id = labelFor(html, label);
      expect(id, label).toBeTruthy();
      expect(html).toMatch(new RegExp(`<input id="${id}" type="range" min="${min}" max="${max}" step="[0-9.]+"[^>]* value="${value}"`));
    }
  });
});

describe('ResidualStream', () => {
  it('shows no logit-lens numbers before the model has answered', () => {
    const html = render(ResidualStream);
    expect(html).toContain('data-testid="model-placeholder"');
    expect(html).not.toContain('data-testid="logit-lens"');
  });
});

describe('KvCacheMeter', () => {
  it('shows the formula in symbols before the model is loaded', () => {
    const html = render(KvCacheMeter);
    expect(html).toContain('2 (K and V) × nLayer × positions × nEmbd × 4 bytes');
    expect(html).toMatch(/data-testid="kv-positions"><span class="muted">—<\/span>/);
  });
});
