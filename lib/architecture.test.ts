// The project's shape, checked: no import cycles (between files, or between lib/ modules), only
// lib/model/ort.ts imports onnxruntime-web, no React in lib/, and no Node built-in reachable from
// what runs in the browser (client components and the model worker). Type-only imports are left out:
// they vanish at runtime.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const rel = (f: string) => path.relative(ROOT, f);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const FILES = [
  ...sourceFiles(path.join(ROOT, 'lib')),
  ...sourceFiles(path.join(ROOT, 'components')),
  ...sourceFiles(path.join(ROOT, 'app')),
];
const GRAPH = new Map(FILES.map((f) => [f, imports(f)]));
const localDeps = (f: string) => (GRAPH.get(f) ?? []).map((s) => resolve(f, s)).filter((x): x is string => !!x);

function findCycle(nodes: string[], edges: (n: string) => string[]): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of edges(n)) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of nodes) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return null;
}

const libModule = (f: string) => /^lib\/([^/]+)\//.exec(rel(f))?.[1];

describe('architecture', () => {
  it('the scanner sees imports (it can fail)', () => {
    expect(localDeps(path.join(ROOT, 'lib/cards/card-html.ts')).map(rel)).toEqual(
      expect.arrayContaining(['lib/cards/cloze.ts', 'lib/cards/markdown.ts']),
    );
    expect(findCycle(['a', 'b'], (n) => (n === 'a' ? ['b'] : ['a']))).toEqual(['a', 'b', 'a']);
  });

  it('no import cycle between files', () => {
    expect(findCycle(FILES, localDeps)?.map(rel) ?? null).toBeNull();
  });

  it('no import cycle between lib/ modules', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of FILES) {
      const from = libModule(f);
      if (!from) continue;
      for (const d of localDeps(f)) {
        const to = libModule(d);
        if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    expect(findCycle([...edges.keys()], (m) => [...(edges.get(m) ?? [])])).toBeNull();
  });

  it('only lib/model/ort.ts imports onnxruntime-web', () => {
    const users = FILES.filter((f) => GRAPH.get(f)!.some((s) => s === 'onnxruntime-web' || s.startsWith('onnxruntime-web/'))).map(rel);
    expect(users).toEqual(['lib/model/ort.ts']);
  });

  it('no React in lib/', () => {
    const users = FILES.filter(
      (f) => rel(f).startsWith('lib/') && GRAPH.get(f)!.some((s) => s === 'react' || s.startsWith('react/') || s === 'react-dom'),
    ).map(rel);
    expect(users).toEqual([]);
  });

  it('no Node built-in is reachable from the browser: client components, workers, lib/worker, "Browser-safe" modules', () => {
    const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // Server components (pages, the syntax guide) run at build time and may read files.
    const client = (f: string) => /^\s*['"]use client['"]/.test(readFileSync(f, 'utf8'));
    // A module whose header comment says it is browser-safe, e.g. the in-memory export a worker imports.
    const browserSafe = (f: string) => /^(\/\/.*\n)*\/\/.*\bBrowser-safe\b/.test(readFileSync(f, 'utf8'));
    const roots = FILES.filter((f) => client(f) || f.endsWith('.worker.ts') || rel(f).startsWith('lib/worker/') || browserSafe(f));
    expect(roots.map(rel)).toEqual(expect.arrayContaining(['lib/worker/model.worker.ts', 'lib/model/export/export-memory.ts']));
    expect(roots.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    const offenders: string[] = [];
    const walk = (f: string, via: string[]) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const s of GRAPH.get(f) ?? []) if (NODE.has(s)) offenders.push(`${[...via, rel(f)].join(' → ')} imports ${s}`);
      for (const d of localDeps(f)) walk(d, [...via, rel(f)]);
    };
    for (const r of roots) walk(r, []);
    expect(offenders).toEqual([]);
  });
});
