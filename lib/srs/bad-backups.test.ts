// Backups a learner can pick by mistake or by hand-editing: each is rejected with a message that
// names the field (nothing in the store changes), or read exactly. Values the scheduler cannot take
// (state 99, day start 1e300, duplicate ids) never get in, so a bad file cannot break review later.
import { describe, expect, it } from 'vitest';
import { BackupFormatError, DATA_VERSION, exportBackup, importBackup } from './index';
import { IMPORTED_CARD, sampleData } from '@/test/fixtures/srs-data';

const NOW = new Date('2026-11-28T10:00:00Z');
type Doc = ReturnType<typeof valid>;
const valid = () => JSON.parse(exportBackup(sampleData(), NOW));
const edit = (f: (d: Doc) => void) => {
  const d = valid();
  f(d);
  return JSON.stringify(d);
};
const STATE = 'attention/why-scale#0';

const rejected: Array<[string, string, RegExp]> = [
  [
    'state 99',
    edit((d) => (d.progress.states[STATE].state = 99)),
    /progress\.states\.attention\/why-scale#0\.state: expected a whole number from 0 to 3/,
  ],
  ['state 1.5', edit((d) => (d.progress.states[STATE].state = 1.5)), /\.state: expected a whole number from 0 to 3/],
  ['negative stability', edit((d) => (d.progress.states[STATE].stability = -1)), /\.stability: expected a number from 0 to/],
  ['difficulty 11', edit((d) => (d.progress.states[STATE].difficulty = 11)), /\.difficulty: expected a number from 0 to 10/],
  ['reps as text', edit((d) => (d.progress.states[STATE].reps = '3')), /\.reps: expected a whole number/],
  ['negative lapses', edit((d) => (d.progress.states[STATE].lapses = -2)), /\.lapses: expected a whole number from 0/],
  ['scheduled_days 1e300', edit((d) => (d.progress.states[STATE].scheduled_days = 1e300)), /\.scheduled_days: expected a number from 0 to/],
  [
    'a bad review key',
    edit((d) => (d.progress.states['no-hash'] = d.progress.states[STATE])),
    /progress\.states\.no-hash: expected a review key/,
  ],
  ['dayStartHour 1e300', edit((d) => (d.settings.dayStartHour = 1e300)), /settings\.dayStartHour: expected a whole number from 0 to 23/],
  ['dayStartHour 24', edit((d) => (d.settings.dayStartHour = 24)), /settings\.dayStartHour: expected a whole number from 0 to 23/],
  ['dailyNewLimit -1', edit((d) => (d.settings.dailyNewLimit = -1)), /settings\.dailyNewLimit: expected a whole number from 0 to 9999/],
  ['dailyNewLimit 2.5', edit((d) => (d.settings.dailyNewLimit = 2.5)), /settings\.dailyNewLimit: expected a whole number/],
  ['typedAnswer "yes"', edit((d) => (d.settings.typedAnswer = 'yes')), /settings\.typedAnswer: expected true or false/],
  ['a log rating of 7', edit((d) => (d.progress.log[0].rating = 7)), /progress\.log\[0\]\.rating: expected a whole number from 0 to 4/],
  [
    'a log entry whose key is not its card',
    edit((d) => (d.progress.log[0].key = 'other#0')),
    /progress\.log\[0\]\.key: expected "attention\/why-scale#0"/,
  ],
  ['duplicate log ids', edit((d) => d.progress.log.push(d.progress.log[0])), /progress\.log\[3\]\.id: expected a unique id/],
  [
    'duplicate card ids',
    edit((d) => d.imported.cards.push(d.imported.cards[0])),
    /imported\.cards\[1\]\.id: expected a unique id \("note\/5e59adfd8dfd32d7" appears twice\)/,
  ],
  ['an empty card id', edit((d) => (d.imported.cards[0].id = ' ')), /imported\.cards\[0\]\.id: expected a non-empty string/],
  [
    'deck "Physics::"',
    edit((d) => (d.imported.cards[0].deck = 'Physics::')),
    /imported\.cards\[0\]\.deck: expected a deck name whose parts around "::" are not empty/,
  ],
  ['deck "::"', edit((d) => (d.imported.decks[0].name = '::')), /imported\.decks\[0\]\.name: expected a deck name/],
  ['duplicate deck names', edit((d) => d.imported.decks.push(d.imported.decks[0])), /imported\.decks\[1\]\.name: expected a unique name/],
  ['tags not a list', edit((d) => (d.imported.cards[0].tags = 'a b')), /imported\.cards\[0\]\.tags: expected an array/],
  ['a card with no front', edit((d) => delete d.imported.cards[0].front), /imported\.cards\[0\]\.front: expected a string/],
  ['progress missing', edit((d) => delete d.progress), /data\.progress: expected an object/],
  ['a log that is an object', edit((d) => (d.progress.log = {})), /data\.progress\.log: expected an array/],
  ['an empty file', '', /not a backup \(not JSON/],
  ['a PNG', '\u0089PNG\r\n\u001a\n', /not a backup \(not JSON/],
  ['JSON null', 'null', /not a GPT-2 Pamphlet backup \(no "format" field/],
  ['version 0', JSON.stringify({ ...valid(), version: 0 }), /no migration from data version 0 to 1/],
  ['version 2.5', JSON.stringify({ ...valid(), version: 2.5 }), /no integer "version"/],
  ['a newer version', JSON.stringify({ ...valid(), version: DATA_VERSION + 1 }), /newer version of the app/],
];

describe('bad backups: rejected with the field named', () => {
  it.each(rejected)('%s', (_name, json, message) => {
    let error: unknown;
    try {
      importBackup(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BackupFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n'); // one line
  });
});

describe('unusual but valid backups: read exactly', () => {
  it.each([
    ['no imported cards', edit((d) => ((d.imported.cards = []), (d.imported.decks = [])))],
    ['a deck name with spaces and accents', edit((d) => (d.imported.cards[0].deck = 'Physique::Électricité'))],
    ['dailyNewLimit 0', edit((d) => (d.settings.dailyNewLimit = 0))],
    [
      'a version-1 backup (revisions, undone list)',
      edit((d) => ((d.version = 1), (d.settings.rev = 3), (d.imported.rev = 1), (d.progress.undone = []))),
    ],
  ])('%s', (_name, json) => {
    const { data } = importBackup(json);
    expect(data.imported.cards.every((c) => c.id === IMPORTED_CARD.id)).toBe(true);
    expect(data.settings).not.toHaveProperty('rev');
  });
});
