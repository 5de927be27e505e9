// Sizes as the app shows them to learners: decimal megabytes, as downloads and browsers count them.

/** 89_123_456 → "89 MB"; 3_452_706 → "3.5 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

/** 50257 → "50,257": counts of tokens, steps and parameters. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
