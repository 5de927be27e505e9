// The .zip a learner downloads is a Hugging Face checkpoint folder that the project's own CLI path
// (exportFolder, behind `npm run model:export -- --from DIR`) turns back into the same model.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { weightsToTensors } from '../checkpoint';
import { writeCheckpointDir } from '../checkpoint-files';
import { buildDemoCheckpoint, DEMO_CONFIG } from '../demo-checkpoint';
import { TokenMap } from '../token-map';
import { demoCheckpoint } from '@/test/fixtures/demo-model';
import { exportFolder } from './export-folder';
import { exportToMemory } from './export-memory';
import { checkpointZip, folderName } from './hf-zip';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hf-zip-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function unzipTo(dir: string, zip: Uint8Array): Promise<void> {
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}

const tokenMap = TokenMap.fromTokens(Array.from({ length: 79 }, (_, i) => 300 + i * 13));
const small = { ...buildDemoCheckpoint({ ...DEMO_CONFIG, vocabSize: tokenMap.size, blockSize: 48 }, 3), tokenMap };

describe('checkpointZip', () => {
  it.each([
    { label: 'own vocabulary', model: small, files: ['config.json', 'model.safetensors', 'token_map.json'] },
    { label: 'GPT-2 vocabulary', model: demoCheckpoint(), files: ['config.json', 'model.safetensors'] },
  ])('holds writeCheckpointDir’s files, byte for byte, in one folder: $label', async ({ label, model, files }) => {
    const { fileName, bytes } = checkpointZip(`My ${label}!`, model);
    const folder = folderName(`My ${label}!`);
    expect(fileName).toBe(`${folder}.zip`);
    const unzipped = join(root, `unzip-${folder}`);
    await unzipTo(unzipped, bytes);
    expect(await readdir(unzipped)).toEqual([folder]);
    expect((await readdir(join(unzipped, folder))).sort()).toEqual(files);

    const reference = join(root, `reference-${folder}`);
    await writeCheckpointDir(reference, model.config, weightsToTensors(model.config, model.weights), model.tokenMap);
    for (const f of files) expect(Buffer.compare(await readFile(join(unzipped, folder, f)), await readFile(join(reference, f))), f).toBe(0);
  });

  it('once unzipped, exportFolder (npm run model:export) gives the in-memory export’s decoder.onnx', async () => {
    const { bytes } = checkpointZip('trained here', small);
    await unzipTo(join(root, 'cli'), bytes);
    const manifest = await exportFolder({ from: join(root, 'cli', 'trained-here'), out: join(root, 'cli-out'), measure: false });
    const inMemory = await exportToMemory({ ...small, name: 'trained here' });
    expect(manifest.files.decoder.sha256).toBe(inMemory.manifest.files.decoder.sha256);
    expect(manifest.files.compact.sha256).toBe(inMemory.manifest.files.compact.sha256);
    expect(manifest.files.token_map.sha256).toBe(inMemory.manifest.files.token_map.sha256);
    expect(manifest.config).toEqual(small.config);
  });

  it('is deterministic: no clock in the zip', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2024-01-01T00:00:00Z'));
      const a = checkpointZip('x', small).bytes;
      vi.setSystemTime(new Date('2025-06-15T12:34:56Z'));
      const b = checkpointZip('x', small).bytes;
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['My model #2', 'my-model-2'],
    ['  Ünïcode — only  ', 'unicode-only'],
    ['../../etc', 'etc'],
    ['***', 'my-gpt2'],
  ])('names the folder for %j as %j', (name, folder) => {
    expect(folderName(name)).toBe(folder);
  });
});
