// The storage under zustand's persist middleware: IndexedDB through idb-keyval, wrapped so that
//   - unreadable saved data is copied to a backup key before anything overwrites it,
//   - every write merges, item by item, with what other tabs stored meanwhile (mergeData: what
//     this tab changed since it last read or wrote wins, everything else is kept), in one
//     IndexedDB transaction, and then tells the other tabs (BroadcastChannel) so they merge too,
//   - a replace (restoring a backup) first keeps a copy of what it replaces, for one-click undo,
//   - a failed read or write (quota, private mode) is reported, never thrown.
// zustand's createJSONStorage sits on top and does the JSON (with Dates revived by key).

import { createStore, del, get, update, set, type UseStore } from 'idb-keyval';
import { createJSONStorage, type PersistStorage, type StateStorage } from 'zustand/middleware';
import { fnv1a64 } from '../cards/card-id';
import {
  DATA_VERSION,
  MIGRATIONS,
  canonicalJson,
  emptyData,
  mergeData,
  migrateData,
  reviveDates,
  validateData,
  type Migration,
  type PersistedData,
} from './persisted-data';

/** The few key-value operations needed; `update` must be atomic (one IndexedDB transaction). */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  update(key: string, updater: (old: unknown) => unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** IndexedDB via idb-keyval; the database is opened on first use (never during server rendering). */
export function idbKeyValue(dbName = 'gpt2-pamphlet', storeName = 'state'): KeyValue {
  let store: UseStore | undefined;
  const use = () => (store ??= createStore(dbName, storeName));
  return {
    get: (key) => get(key, use()),
    set: (key, value) => set(key, value, use()),
    update: (key, updater) => update(key, updater, use()),
    del: (key) => del(key, use()),
  };
}

export interface StoredEnvelope {
  state: PersistedData;
  version: number;
}

export interface MergingStorageOptions {
  keyValue: KeyValue;
  version?: number;
  migrations?: Readonly<Record<number, Migration>>;
  /** A message for the reader, when something about saving or loading went wrong. */
  onError: (message: string) => void;
  /** Storage held changes from other tabs: `merged` is what it holds now, `written` what this tab wrote. */
  onMerged: (merged: PersistedData, written: PersistedData) => void;
  /** Another tab saved: call `sync` with this tab's data to take its changes in. */
  onOtherTabSaved?: () => void;
  /** Cross-tab notices (default: a BroadcastChannel named after the store, when the platform has one). */
  channel?: TabChannel | null;
  channelName?: string;
}

/** The little of BroadcastChannel used here. */
export type TabChannel = Pick<BroadcastChannel, 'postMessage' | 'onmessage'>;

/** What a replace (a restored backup) replaced, kept for one-click undo. */
export interface UndoCopy {
  savedAt: Date;
  reason: string;
  data: PersistedData;
}

export interface MergingStorage {
  storage: PersistStorage<PersistedData>;
  /** Starts copying the raw value read last to a backup key (after a failed migration); returns the key. */
  backupLastRead(name: string): string | undefined;
  /** This data is what storage holds (after hydration): writing it again would change nothing. */
  markClean(data: PersistedData): void;
  /** Resolves when every write queued so far (and any it caused) has finished. */
  whenSaved(): Promise<void>;
  /** Merges this tab's data with what storage holds now, even when this tab changed nothing. */
  sync(name: string, data: PersistedData): Promise<void>;
  /** Keeps `data` as the undo copy of a replace (one copy: the latest replace). */
  saveUndoCopy(name: string, copy: UndoCopy): Promise<void>;
  readUndoCopy(name: string): Promise<UndoCopy | null>;
}

type Parsed = { ok: true; envelope: StoredEnvelope } | { ok: false; reason: string; newer?: boolean };

export function createMergingStorage(options: MergingStorageOptions): MergingStorage {
  const { keyValue: kv, version = DATA_VERSION, migrations = MIGRATIONS, onError, onMerged } = options;
  let lastRaw: unknown;
  let latest: { name: string; value: string } | null = null;
  let running: Promise<void> | null = null;
  let clean: PersistedData | undefined;
  /** What this tab last read from or wrote to storage: the base of each three-way merge. */
  let synced: PersistedData = emptyData();
  const channel = options.channel !== undefined ? options.channel : openChannel(options.channelName ?? 'gpt2-pamphlet');
  if (channel) channel.onmessage = () => options.onOtherTabSaved?.();
  const backups = new Set<Promise<unknown>>();

  /** Reads a raw stored value as data of this version (older data: migrated, or left to persist's migrate). */
  const parse = (raw: unknown, migrate: boolean): Parsed => {
    try {
      if (typeof raw !== 'string') return { ok: false, reason: `not text but ${typeof raw}` };
      const env = JSON.parse(raw, reviveDates) as { state?: unknown; version?: unknown };
      if (!env || typeof env !== 'object' || typeof env.version !== 'number') return { ok: false, reason: 'no version number' };
      if (env.version > version)
        return { ok: false, newer: true, reason: `saved by a newer version of the app (data version ${env.version})` };
      if (env.version < version && !migrate) return { ok: true, envelope: env as StoredEnvelope };
      const state = env.version === version ? validateData(env.state) : migrateData(env.state, env.version, version, migrations);
      return { ok: true, envelope: { state, version } };
    } catch (e) {
      return { ok: false, reason: e instanceof SyntaxError ? `invalid JSON (${e.message})` : (e as Error).message };
    }
  };

  /** The backup key is a hash of the value: the same damage is kept once, different damage never overwritten. */
  const backupKey = (name: string, raw: unknown) => {
    const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
    return `${name}:corrupt:${fnv1a64(text)}`;
  };
  const backup = async (name: string, raw: unknown): Promise<string> => {
    const key = backupKey(name, raw);
    await kv.set(key, raw);
    return key;
  };

  const stateStorage: StateStorage = {
    async getItem(name) {
      let raw: unknown;
      try {
        raw = await kv.get(name);
      } catch (e) {
        onError(`Saved progress could not be read (${describe(e)}). Starting with an empty deck; nothing was deleted.`);
        return null;
      }
      lastRaw = raw;
      if (raw === undefined || raw === null) return null;
      const parsed = parse(raw, false);
      if (parsed.ok || parsed.newer) return raw as string; // older or newer: persist's migrate handles or reports it
      const key = await backup(name, raw).catch(() => undefined);
      onError(`Saved progress was unreadable (${parsed.reason}). ${key ? `A copy was kept under "${key}". ` : ''}Starting with defaults.`);
      return null;
    },
    setItem(name, value) {
      latest = { name, value };
      running ??= (async () => {
        while (latest) {
          const next = latest;
          latest = null;
          // The base is what this tab last read or wrote, at the moment the write starts: a write that
          // merged in other tabs' changes hands them to the store (onMerged), which queues its data again.
          await write(next.name, next.value, synced);
        }
        running = null;
      })();
      return running;
    },
    removeItem: (name) => kv.del(name),
  };

  const write = async (name: string, value: string, base: PersistedData) => {
    const incoming = JSON.parse(value, reviveDates) as StoredEnvelope;
    try {
      validateData(incoming.state); // what is stored must always load again
    } catch (e) {
      onError(`Not saved: ${(e as Error).message}. The rest of your progress is safe; export a backup and report this.`);
      return;
    }
    try {
      const storedRaw = await kv.get(name);
      const stored = storedRaw === undefined || storedRaw === null ? undefined : parse(storedRaw, true);
      if (stored && !stored.ok && stored.newer) {
        onError(`Not saved: ${stored.reason} is open in another tab. Reload this tab to continue.`);
        return;
      }
      if (stored && !stored.ok) await backup(name, storedRaw);
      let merged: PersistedData = incoming.state;
      let changed = true;
      await kv.update(name, (old) => {
        const now = old === undefined || old === null ? undefined : parse(old, true);
        if (!now?.ok) return value;
        merged = mergeData(base, now.envelope.state, incoming.state);
        changed = canonicalJson(merged) !== canonicalJson(now.envelope.state);
        return JSON.stringify({ state: merged, version });
      });
      synced = merged;
      if (changed) channel?.postMessage({ saved: name });
      if (merged !== incoming.state && canonicalJson(merged) !== canonicalJson(incoming.state)) onMerged(merged, incoming.state);
    } catch (e) {
      onError(`Progress could not be saved (${describe(e)}). It is kept in this tab; export a backup to be safe.`);
    }
  };

  const json = createJSONStorage<PersistedData>(() => stateStorage, { reviver: reviveDates })!;
  return {
    storage: {
      getItem: json.getItem,
      // persist writes on every set; only a change of the data (new slice objects) is worth a write.
      setItem(name, value) {
        const s = value.state;
        if (clean && s.progress === clean.progress && s.imported === clean.imported && s.settings === clean.settings) return;
        clean = s;
        return json.setItem(name, value);
      },
      removeItem: json.removeItem,
    },
    backupLastRead(name) {
      if (lastRaw === undefined || lastRaw === null) return undefined;
      const pending = backup(name, lastRaw).catch(() => undefined);
      backups.add(pending);
      void pending.then(() => backups.delete(pending));
      return backupKey(name, lastRaw);
    },
    markClean(data) {
      clean = data;
      synced = data;
    },
    async sync(name, data) {
      clean = data;
      await json.setItem(name, { state: data, version });
    },
    async saveUndoCopy(name, { data, savedAt, reason }) {
      // Stored like the data itself (an envelope with its version), so it is read and migrated the same way.
      await kv.set(`${name}:before-replace`, JSON.stringify({ state: data, version, savedAt, reason }));
    },
    async readUndoCopy(name) {
      const raw = await kv.get(`${name}:before-replace`).catch(() => undefined);
      const parsed = parse(raw, true);
      if (!parsed.ok) return null; // no usable copy: nothing to undo (the data itself is unaffected)
      const { savedAt, reason } = JSON.parse(raw as string, reviveDates) as { savedAt: Date; reason: unknown };
      return { savedAt, reason: String(reason), data: parsed.envelope.state };
    },
    whenSaved: async () => {
      while (running || backups.size) await Promise.all([running, ...backups]);
    },
  };
}

function openChannel(name: string): TabChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(`${name}:saved`);
  (channel as { unref?: () => void }).unref?.(); // Node: never keep a process alive for it
  return channel;
}

function describe(e: unknown): string {
  if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)) {
    return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  }
  return String(e);
}
