import { describe, expect, test } from 'vitest';
import { markdownToHtml } from './markdown';

describe('links are limited to safe schemes', () => {
  test.each([
    ['[x](javascript:alert)', false],
    ['[x](data:text/html;base64,AAAA)', false],
    ['[x](https://arxiv.org/abs/1706.03762)', true],
    ['[x](/lessons/attention/#softmax)', true],
  ])('%s → link: %s', (md, isLink) => {
    expect(markdownToHtml(md).includes('<a ')).toBe(isLink);
  });
});
