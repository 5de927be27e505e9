// Decks and deck options ("dconf") in schema-11 JSON. Deck names use Anki's `::` hierarchy and come
// from `card.deck` ('GPT-2 Pamphlet::Tokenization'). The importer matches decks by name, so ids only
// need to be stable and unique inside the package: they are derived from the name.

import { AnkiExportError } from './errors';
import { sha1, toHex } from './sha';

/** Anki requires deck 1, "Default", in every collection. */
export const DEFAULT_DECK_ID = 1;
export const DEFAULT_DECK_NAME = 'Default';
export const DEFAULT_DCONF_ID = 1;

/** A 48-bit id from the name's SHA-1: safe as a JS number and an SQLite integer, never 1. */
export function deckId(name: string): number {
  if (name === DEFAULT_DECK_NAME) return DEFAULT_DECK_ID;
  return parseInt(toHex(sha1(name)).slice(0, 12), 16) + 2;
}

/** Every deck the names need, parents before children: 'A::B::C' also needs 'A' and 'A::B'. */
export function withParents(names: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const name of names) {
    const parts = name.split('::');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('::'));
  }
  return [...all].sort((a, b) => a.split('::').length - b.split('::').length || (a < b ? -1 : a > b ? 1 : 0));
}

/** A normal deck with every key rslib's NormalDeckSchema11 requires. */
export function deckJson(id: number, name: string, mod: number) {
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: DEFAULT_DCONF_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

export type DeckJson = ReturnType<typeof deckJson>;

/** `col.decks`: Default plus every named deck and its parents, keyed by id. */
export function decksJson(names: Iterable<string>, mod: number): Record<string, DeckJson> {
  const decks: Record<string, DeckJson> = { [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, DEFAULT_DECK_NAME, 0) };
  for (const name of withParents(names)) {
    if (!name.split('::').every((part) => part.trim())) throw new AnkiExportError(`invalid deck name '${name}'`);
    const id = deckId(name);
    if (decks[id] && decks[id].name !== name) throw new AnkiExportError(`deck id collision: '${name}'`);
    decks[id] = deckJson(id, name, mod);
  }
  return decks;
}

/**
 * `col.dconf`: Anki's default options group (rslib deckconfig/schema11.rs defaults). The importer
 * adds an options group only if its id is new, so this never overwrites the user's "Default".
 */
export function dconfJson() {
  return {
    [DEFAULT_DCONF_ID]: {
      id: DEFAULT_DCONF_ID,
      mod: 0,
      name: 'Default',
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    },
  };
}
