/**
 * Node only: writes GPT-2's Hugging Face tokenizer files into a folder. Kept apart from
 * the barrel so browser bundles never see node:fs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hfTokenizerFiles } from './hf-tokenizer';

/** Writes tokenizer.json, tokenizer_config.json, vocab.json and merges.txt; returns their paths. */
export async function writeTokenizerFiles(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [name, text] of Object.entries(hfTokenizerFiles())) {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    paths.push(path);
  }
  return paths;
}
