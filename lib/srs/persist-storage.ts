// The storage under zustand's persist middleware: IndexedDB through idb-keyval, wrapped so that
//   - unreadable saved data is copied to a backup key before anything overwrites it,
//   - every write merges with what another tab may have stored meanwhile (reviews never lost),
//   - a failed read or write (quota, private mode) is reported, never thrown.
// zustand's createJSONStorage sits on top and does the JSON (with Dates revived by key).

import { createStore, del, get, update, set, type UseStore } from 'idb-keyval';
import { createJSONStorage, type PersistStorage, type StateStorage } from 'zustand/middleware';
import { fnv1a64 } from '../cards/card-id';
import { DATA_VERSION, MIGRATIONS, mergeData, migrateData, reviveDates, validateData, type Migration, type PersistedData } from './persisted-data';

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
  /** Another tab had stored data this tab did not have; here is the merged result. */
  onMerged: (data: PersistedData) => void;
}

export interface MergingStorage {
  storage: PersistStorage<PersistedData>;
  /** Starts copying the raw value read last to a backup key (after a failed migration); returns the key. */
  backupLastRead(name: string): string | undefined;
  /** This data is what storage holds (after hydration): writing it again would change nothing. */
  markClean(data: PersistedData): void;
  /** Resolves when every write queued so far (and any it caused) has finished. */
  whenSaved(): Promise<void>;
}

type Parsed = { ok: true; envelope: StoredEnvelope } | { ok: false; reason: string; newer?: boolean };

export function createMergingStorage(options: MergingStorageOptions): MergingStorage {
  const { keyValue: kv, version = DATA_VERSION, migrations = MIGRATIONS, onError, onMerged } = options;
  let lastRaw: unknown;
  let latest: { name: string; value: string } | null = null;
  let running: Promise<void> | null = null;
  let clean: PersistedData | undefined;
  const backups = new Set<Promise<unknown>>();

  /** Reads a raw stored value as data of this version (older data: migrated, or left to persist's migrate). */
  const parse = (raw: unknown, migrate: boolean): Parsed => {
    try {
      if (typeof raw !== 'string') return { ok: false, reason: `not text but ${typeof raw}` };
      const env = JSON.parse(raw, reviveDates) as { state?: unknown; version?: unknown };
      if (!env || typeof env !== 'object' || typeof env.version !== 'number') return { ok: false, reason: 'no version number' };
      if (env.version > version) return { ok: false, newer: true, reason: `saved by a newer version of the app (data version ${env.version})` };
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
          await write(next.name, next.value);
        }
        running = null;
      })();
      return running;
    },
    removeItem: (name) => kv.del(name),
  };

  const write = async (name: string, value: string) => {
    const incoming = JSON.parse(value, reviveDates) as StoredEnvelope;
    try {
      const storedRaw = await kv.get(name);
      const stored = storedRaw === undefined || storedRaw === null ? undefined : parse(storedRaw, true);
      if (stored && !stored.ok && stored.newer) {
        onError(`Not saved: ${stored.reason} is open in another tab. Reload this tab to continue.`);
        return;
      }
      if (stored && !stored.ok) await backup(name, storedRaw);
      let merged: PersistedData | undefined;
      await kv.update(name, (old) => {
        const now = old === undefined || old === null ? undefined : parse(old, true);
        if (!now?.ok) return value;
        merged = mergeData(now.envelope.state, incoming.state);
        return JSON.stringify({ state: merged, version });
      });
      if (merged && canonicalJson(merged) !== canonicalJson(incoming.state)) onMerged(merged);
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
    },
    whenSaved: async () => {
      while (running || backups.size) await Promise.all([running, ...backups]);
    },
  };
}

/** JSON with object keys sorted, to compare data regardless of key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function describe(e: unknown): string {
  if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)) {
    return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  }
  return String(e);
}
