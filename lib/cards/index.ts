// The card library: the shared card model, Anki cloze syntax, typed answers and stable ids.
// Lesson extraction (Node, reads files) lives in lib/content/extract-cards.ts.

export * from './card';
export * from './errors';
export * from './cloze';
export * from './answer-check';
export * from './card-id';
