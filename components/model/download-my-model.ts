// A kept model (lib/worker/my-models.ts) saved as a .zip: config.json, model.safetensors, and its
// token map when it has one, the folder \`npm run model:export\` and \`npm run generate\` read.
import { downloadFile } from '@/components/study/download';
import { myModelZip } from '@/lib/worker/my-models';

export async function downloadMyModel(id: string): Promise<void> {
  const { fileName, bytes } = await myModelZip(id);
  downloadFile(bytes as Uint8Array<ArrayBuffer>, fileName, 'application/zip');
}
