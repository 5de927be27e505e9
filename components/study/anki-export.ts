// The browser side of the Anki export: loads sql.js (its wasm is copied to /sqljs/ by the build)
// and lib/anki only when the reader asks for a file, so pages stay light.

import type { Card } from '@/lib/cards/card';
import type { Progress } from '@/lib/srs';
import { downloadFile } from './download';
import { SITE_URL, sitePath } from '@/lib/site';

export const APKG_TYPE = 'application/octet-stream';

export interface ExportRequest {
  cards: readonly Card[];
  fileStem: string;
  now: Date;
  /** The reader's progress, when they chose to include it. */
  progress?: Progress;
}

export async function downloadApkg({ cards, fileStem, now, progress }: ExportRequest): Promise<void> {
  const [{ default: initSqlJs }, { writeApkg }, { progressByItem }] = await Promise.all([
    import('sql.js'),
    import('@/lib/anki'),
    import('@/lib/srs'),
  ]);
  const sqlJs = await initSqlJs({ locateFile: (f: string) => sitePath(`/sqljs/${f}`) });
  // Anki's days start at 04:00 local time: due days are counted in the learner's time zone.
  const utcOffsetMinutes = -now.getTimezoneOffset();
  const bytes = await writeApkg({
    cards,
    now,
    siteUrl: SITE_URL,
    sqlJs,
    utcOffsetMinutes,
    ...(progress ? { progress: progressByItem(progress) } : {}),
  });
  downloadFile(bytes as Uint8Array<ArrayBuffer>, `${fileStem}.apkg`, APKG_TYPE);
}

export async function downloadTsv({ cards, fileStem }: Omit<ExportRequest, 'now' | 'progress'>): Promise<void> {
  const { writeTsv } = await import('@/lib/anki');
  downloadFile(writeTsv({ cards, siteUrl: SITE_URL }), `${fileStem}.txt`, 'text/tab-separated-values;charset=utf-8');
}
