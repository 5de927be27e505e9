/**
 * Prints GPT-2's tokens for a text, as one line of JSON:
 *   npm run --silent tokenize -- "Hello world"   →  {"ids":[15496,995],"tokens":["Hello"," world"]}
 *   echo -n "Hello world" | npm run --silent tokenize -- -
 *
 * `tokens` are each token's own decoded text (" world", not the vocab form "Ġworld"); a
 * token holding part of a multi-byte character shows U+FFFD. Text from stdin is taken
 * byte for byte, trailing newline included. Exit 0 on success, 2 on bad usage.
 */
import { tokenize } from '../lib/tokenizer';

import { runCli } from './cli-flags';

const USAGE = 'usage: npm run --silent tokenize -- "TEXT"   (or "-" to read the text from stdin)';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const text = args[0] === '-' ? await readStdin() : args[0];
  const tokens = tokenize(text);
  process.stdout.write(JSON.stringify({ ids: tokens.map((t) => t.id), tokens: tokens.map((t) => t.text) }) + '\n');
  return 0;
}

runCli(() => main(process.argv.slice(2)));
