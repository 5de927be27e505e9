/**
 * The excerpt the training-pairs widget cuts into examples: Shakespeare's Sonnet 18, in
 * the usual modern spelling (first printed in the 1609 quarto; public domain). Plain
 * ASCII apostrophes on purpose: GPT-2's pre-tokenizer splits "summer's" into "summer" +
 * "'s", which the widget shows.
 */
export interface Excerpt {
  title: string;
  author: string;
  /** where and when it first appeared, and its copyright status */
  source: string;
  text: string;
}

export const SONNET_18: Excerpt = {
  title: 'Sonnet 18',
  author: 'William Shakespeare',
  source: 'first printed in the 1609 quarto of the Sonnets; public domain',
  text: [
    "Shall I compare thee to a summer's day?",
    'Thou art more lovely and more temperate:',
    'Rough winds do shake the darling buds of May,',
    "And summer's lease hath all too short a date;",
    'Sometime too hot the eye of heaven shines,',
    "And often is his gold complexion dimm'd;",
    'And every fair from fair sometime declines,',
    "By chance or nature's changing course untrimm'd;",
    'But thy eternal summer shall not fade,',
    "Nor lose possession of that fair thou ow'st;",
    "Nor shall death brag thou wander'st in his shade,",
    "When in eternal lines to time thou grow'st:",
    'So long as men can breathe or eyes can see,',
    'So long lives this, and this gives life to thee.',
  ].join('\n'),
};
