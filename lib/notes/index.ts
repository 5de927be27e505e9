// The reader's own notes: Markdown → cards (syntax in ./SYNTAX.md), and the sanitizer that keeps
// imported Markdown from running script.

export * from './parse-note';
export * from './sanitize';
