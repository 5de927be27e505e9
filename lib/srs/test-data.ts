// Test data shared by the srs tests (not used by the app): a small persisted state with Dates everywhere.
import type { Card } from '../cards/card';
import { emptyData, type PersistedData } from './persisted-data';
import { gradeItem } from './review-session';
import { Rating, createScheduler } from './scheduler';

export const scheduler = createScheduler({ enableFuzz: false });
export const at = (iso: string) => new Date(iso);

export const IMPORTED_CARD: Card = {
  id: 'note/5e59adfd8dfd32d7',
  type: 'basic',
  front: 'What five fields for GPT config?',
  back: 'block_size, vocab_size, n_layer, n_head, n_embd',
  deck: 'concept-pamphlet',
  tags: ['concept-pamphlet', 'todo'],
  srComment: '<!--SR:!2026-12-01,3,250-->',
};

export const LESSON_ITEM = { key: 'attention/why-scale#0', cardId: 'attention/why-scale', ord: 0 };
export const NOTE_ITEM = { key: `${IMPORTED_CARD.id}#0`, cardId: IMPORTED_CARD.id, ord: 0 };

export function sampleData(): PersistedData {
  const data = emptyData();
  let progress = gradeItem(data.progress, LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00.000Z'), scheduler).progress;
  progress = gradeItem(progress, LESSON_ITEM, Rating.Good, at('2026-11-28T09:10:00.000Z'), scheduler).progress;
  progress = gradeItem(progress, NOTE_ITEM, Rating.Hard, at('2026-11-28T09:11:30.250Z'), scheduler).progress;
  return {
    progress,
    imported: {
      cards: [IMPORTED_CARD],
      decks: [{ name: 'concept-pamphlet', fileName: 'concept-pamphlet.md', importedAt: at('2026-11-28T08:59:00.000Z') }],
    },
    settings: { dailyNewLimit: 15, typedAnswer: true, dayStartHour: 4 },
  };
}
