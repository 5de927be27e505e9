// The browser side of the Anki export: loads sql.js (its wasm is copied to /sqljs/ by the build)
// and lib/anki only when the reader asks for a file, so pages stay light.

import type { Card } from '@/lib/cards/card';
import type { Progress } from '@/lib/srs';
import { downloadFile } from './download';

export const APKG_TYPE = 'application/octet-stream';

export interface ExportRequest {
  cards: readonly Card[];
  fileStem: string;
  now: Date;
  /** The reader's progress, when they chose to include it. */
  progress?: Progress;
  /** Site the cards' "Lesson" links point to (the page's origin). */
  baseUrl: string;
}

export async function downloadApkg({ cards, fileStem, now, progress, baseUrl }: ExportRequest): Promise<void> {
  const [{ default: initSqlJs }, { writeApkg }, { progressByItem }] = await Promise.all([
    import('sql.js'),
    import('@/lib/anki'),
    import('@/lib/srs'),
  ]);
  const sqlJs = await initSqlJs({ locateFile: (f: string) => `/sqljs/${f}` });
  // Anki's days start at 04:00 local time: due days are counted in the learner's time zone.
  const utcOffsetMinutes = -now.getTimezoneOffset();
  const bytes = await writeApkg({
    cards,
    now,
    baseUrl,
    sqlJs,
    utcOffsetMinutes,
    ...(progress ? { progress: progressByItem(progress) } : {}),
  });
  downloadFile(bytes as Uint8Array<ArrayBuffer>, `${fileStem}.apkg`, APKG_TYPE);
}

export async function downloadTsv({ cards, fileStem, baseUrl }: Omit<ExportRequest, 'now' | 'progress'>): Promise<void> {
  const { writeTsv } = await import('@/lib/anki');
  downloadFile(writeTsv({ cards, baseUrl }), `${fileStem}.txt`, 'text/tab-separated-values;charset=utf-8');
}
