// The app's flashcard store: typed slices (progress, imported, settings, storage status) combined
// into one vanilla zustand store, persisted to IndexedDB by the persist middleware.
// React wraps it with `useStore(store, selector)`; the app calls `store.persist.rehydrate()` after
// mount (skipHydration), and reads `hydrated` / `storageError`.

import { persist } from 'zustand/middleware';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { Card } from '../cards/card';
import { createMergingStorage, idbKeyValue, type KeyValue, type TabChannel, type UndoCopy } from './persist-storage';
import {
  DATA_VERSION,
  MIGRATIONS,
  emptyData,
  mergeData,
  migrateData,
  validateData,
  type ImportedData,
  type Migration,
  type PersistedData,
  type Settings,
} from './persisted-data';
import type { ReviewItem } from './review-items';
import { applyGrade, gradeItem, undoGrade, type Progress, type ReviewLogEntry, type UndoRecord } from './review-session';
import { createScheduler, type CardState, type Grade, type GradePreview, type Scheduler } from './scheduler';
import { statesFromSrComments } from './sr-comment';

export const STORE_NAME = 'gpt2-pamphlet';

export interface ProgressSlice {
  progress: Progress;
  /** The last answer, until it is undone or another answer replaces it (not persisted). */
  lastUndo: UndoRecord | null;
  /** What each grade would do to an item in `state` (undefined: never answered) at `now`, from the store's one scheduler. */
  preview(state: CardState | undefined, now: Date): Record<Grade, GradePreview>;
  /**
   * `durationMs`: how long the card was shown before the answer (Anki's review log keeps it).
   * `previewed`: the result `preview` showed for this grade, applied as it is (same time, same fuzz).
   */
  grade(
    item: Pick<ReviewItem, 'key' | 'cardId' | 'ord'>,
    rating: Grade,
    now: Date,
    durationMs?: number,
    previewed?: GradePreview,
  ): ReviewLogEntry;
  /** Takes back the last answer; false when there is nothing to undo. */
  undo(): boolean;
}

export interface ImportedSlice {
  imported: ImportedData;
  /**
   * Adds or replaces (by id) imported cards and records their decks. Items never reviewed here
   * start from the schedule of the card's SR comment, when it has one (lib/srs/sr-comment.ts).
   */
  importCards(cards: readonly Card[], source: { fileName?: string; now: Date }): void;
  /** Removes a deck and its sub-decks with their cards (their review progress stays). */
  removeImportedDeck(name: string): void;
}

export interface SettingsSlice {
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
}

export interface StorageSlice {
  /** False until `persist.rehydrate()` has finished (successfully or not). */
  hydrated: boolean;
  /** What went wrong loading or saving, in words for the reader; null when all is well. */
  storageError: string | null;
  clearStorageError(): void;
  /**
   * Replaces progress, imported cards and settings (restoring a backup). What it replaces is kept
   * first (`undoCopy`), so that `undoReplace` can bring it back; other tabs' later answers merge in.
   */
  replaceData(data: PersistedData, reason: string, now: Date): Promise<void>;
  /** The copy kept by the last replace, if any (its date and why it was made). */
  undoCopy: Pick<UndoCopy, 'savedAt' | 'reason'> | null;
  /** Puts back what the last replace replaced (which is itself kept, so the undo can be undone). */
  undoReplace(now: Date): Promise<boolean>;
}

export type PamphletState = ProgressSlice & ImportedSlice & SettingsSlice & StorageSlice;

type Slice<T> = StateCreator<PamphletState, [['zustand/persist', unknown]], [], T>;

const progressSlice =
  (scheduler: Scheduler): Slice<ProgressSlice> =>
  (set, get) => ({
    progress: emptyData().progress,
    lastUndo: null,
    preview(state, now) {
      return scheduler.preview(state ?? scheduler.newState(now), now);
    },
    grade(item, rating, now, durationMs, previewed) {
      const { progress, entry, undo } = previewed
        ? applyGrade(get().progress, item, previewed, previewed.log.review, durationMs)
        : gradeItem(get().progress, item, rating, now, scheduler, durationMs);
      set({ progress, lastUndo: undo });
      return entry;
    },
    undo() {
      const undo = get().lastUndo;
      if (!undo) return false;
      set({ progress: undoGrade(get().progress, undo), lastUndo: null });
      return true;
    },
  });

const importedSlice: Slice<ImportedSlice> = (set, get) => ({
  imported: emptyData().imported,
  importCards(cards, { fileName, now }) {
    const { imported } = get();
    const byId = new Map(imported.cards.map((c) => [c.id, c]));
    for (const c of cards) byId.set(c.id, c);
    const names = new Set(cards.map((c) => c.deck));
    const decks = [
      ...imported.decks.filter((d) => !names.has(d.name)),
      ...[...names].map((name) => ({ name, ...(fileName ? { fileName } : {}), importedAt: now })),
    ];
    const carried = statesFromSrComments(cards);
    const { progress } = get();
    const fresh = Object.entries(carried).filter(([key]) => !progress.states[key]);
    set({
      imported: { cards: [...byId.values()], decks },
      ...(fresh.length ? { progress: { ...progress, states: { ...progress.states, ...Object.fromEntries(fresh) } } } : {}),
    });
  },
  removeImportedDeck(name) {
    const inDeck = (deck: string) => deck === name || deck.startsWith(`${name}::`);
    const { imported } = get();
    set({
      imported: {
        cards: imported.cards.filter((c) => !inDeck(c.deck)),
        decks: imported.decks.filter((d) => !inDeck(d.name)),
      },
    });
  },
});

const settingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: emptyData().settings,
  updateSettings(patch) {
    const { settings } = get();
    set({ settings: { ...settings, ...patch } });
  },
});

const storageSlice =
  (copies: UndoCopies): Slice<StorageSlice> =>
  (set, get) => ({
    hydrated: false,
    storageError: null,
    undoCopy: null,
    clearStorageError: () => set({ storageError: null }),
    async replaceData(data, reason, now) {
      const { progress, imported, settings } = validateData(data);
      // The copy is what this tab holds once every save (and what it merged in) has finished.
      await copies.keep(() => ({ savedAt: now, reason, data: partialize(get()) }));
      set({ progress, imported, settings, lastUndo: null, undoCopy: { savedAt: now, reason } });
    },
    async undoReplace(now) {
      const copy = await copies.read();
      if (!copy) return false;
      await get().replaceData(copy.data, 'undoing the restore', now);
      return true;
    },
  });

interface UndoCopies {
  keep(copy: () => UndoCopy): Promise<void>;
  read(): Promise<UndoCopy | null>;
}

const partialize = (s: PamphletState): PersistedData => ({ progress: s.progress, imported: s.imported, settings: s.settings });

export interface PamphletStoreOptions {
  /** IndexedDB key (default 'gpt2-pamphlet'). */
  name?: string;
  keyValue?: KeyValue;
  scheduler?: Scheduler;
  version?: number;
  migrations?: Readonly<Record<number, Migration>>;
  /** Cross-tab notices; default: a BroadcastChannel named after the store. null: none. */
  channel?: TabChannel | null;
}

export type PamphletStore = ReturnType<typeof createPamphletStore>;

export function createPamphletStore(options: PamphletStoreOptions = {}) {
  const name = options.name ?? STORE_NAME;
  const version = options.version ?? DATA_VERSION;
  const migrations = options.migrations ?? MIGRATIONS;
  const scheduler = options.scheduler ?? createScheduler();
  let api: StoreApi<PamphletState> | undefined;

  const reportError = (message: string) => {
    if (api && api.getState().storageError !== message) api.setState({ storageError: message });
  };
  const merging = createMergingStorage({
    keyValue: options.keyValue ?? idbKeyValue(),
    version,
    migrations,
    channel: options.channel,
    channelName: name,
    onError: reportError,
    // Other tabs' changes go onto what this tab has now (which may have moved on since it wrote).
    onMerged: (merged, written) => {
      const current = partialize(api!.getState());
      api!.setState(mergeData(written, merged, current));
    },
    onOtherTabSaved: () => {
      const s = api?.getState();
      if (s?.hydrated) void merging.sync(name, partialize(s));
    },
  });
  const copies: UndoCopies = {
    keep: async (copy) => {
      await merging.whenSaved();
      await merging.saveUndoCopy(name, copy());
    },
    read: () => merging.readUndoCopy(name),
  };

  const store = createStore<PamphletState>()(
    persist(
      (...a) => ({
        ...progressSlice(scheduler)(...a),
        ...importedSlice(...a),
        ...settingsSlice(...a),
        ...storageSlice(copies)(...a),
      }),
      {
        name,
        version,
        storage: merging.storage,
        skipHydration: true,
        partialize,
        migrate: (persisted, from) => migrateData(persisted, from, version, migrations),
        merge: (persisted, current) => (persisted ? { ...current, ...(persisted as PersistedData) } : current),
        onRehydrateStorage: () => (_state, error) => {
          if (error) {
            const key = merging.backupLastRead(name);
            const copy = key ? `A copy was kept under "${key}". ` : '';
            reportError(`Saved progress could not be loaded (${(error as Error).message}). ${copy}Starting with defaults.`);
          }
          merging.markClean(partialize(api!.getState()));
          api!.setState({ hydrated: true });
          void merging
            .readUndoCopy(name)
            .then((copy) => copy && api!.setState({ undoCopy: { savedAt: copy.savedAt, reason: copy.reason } }));
        },
      },
    ),
  );
  api = store;
  const initial = store.getState();
  merging.markClean(partialize(initial)); // defaults need no write
  return Object.assign(store, { whenSaved: merging.whenSaved });
}

let shared: PamphletStore | undefined;

/** The app's one store, created on first use (creating it touches no storage until rehydrate()). */
export function pamphletStore(): PamphletStore {
  return (shared ??= createPamphletStore());
}
