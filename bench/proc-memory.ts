// Node only (Linux /proc): the memory and CPU time of a process and all its descendants, sampled
// from outside, the way to see a browser's real footprint (renderer + GPU + utility processes, wasm
// heaps included).
//   PSS: each shared page divided among the processes that map it (sums without double counting)
//   RSS: resident pages per process (shared pages counted once per process: an upper bound)

import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  pssMB: number;
  rssMB: number;
  processes: number;
  /** PSS of the largest single process: for a browser running one page, the tab's renderer. */
  largestMB: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended between the listing and the read
  }
}

/** Every live pid with its parent pid. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]); // fields after "(comm)": state ppid …
    out.set(Number(name), ppid);
  }
  return out;
}

/** root and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** The oldest process whose command line contains `marker` (e.g. a browser's --user-data-dir). */
export function findProcess(marker: string): number | null {
  const hits: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmd = read(`/proc/${name}/cmdline`);
    if (cmd?.includes(marker)) hits.push(Number(name));
  }
  if (!hits.length) return null;
  const ppid = parents();
  return hits.find((p) => !hits.includes(ppid.get(p) ?? -1)) ?? hits[0];
}

/** CPU time (user + system, ms) used so far by root and its live descendants. */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] = state (field 3); utime, stime = fields 14, 15
    ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * 10; // USER_HZ = 100 on Linux
}

export function treeMemory(root: number): TreeMemory {
  let pss = 0;
  let rss = 0;
  let processes = 0;
  let largest = 0;
  for (const pid of processTree(root)) {
    const s = read(`/proc/${pid}/smaps_rollup`);
    if (!s) continue;
    processes++;
    const p = Number(/^Pss:\s+(\d+) kB/m.exec(s)?.[1] ?? 0);
    pss += p;
    largest = Math.max(largest, p);
    rss += Number(/^Rss:\s+(\d+) kB/m.exec(s)?.[1] ?? 0);
  }
  return { pssMB: pss / 1024, rssMB: rss / 1024, processes, largestMB: largest / 1024 };
}

/** Samples a process tree every `intervalMs` until stop(); returns the peaks (PSS and RSS sums). */
export function samplePeak(root: number, intervalMs = 200): { stop(): TreeMemory } {
  const peak: TreeMemory = { pssMB: 0, rssMB: 0, processes: 0, largestMB: 0 };
  const take = () => {
    const m = treeMemory(root);
    const largest = Math.max(peak.largestMB, m.largestMB);
    if (m.pssMB > peak.pssMB) Object.assign(peak, m);
    peak.rssMB = Math.max(peak.rssMB, m.rssMB);
    peak.largestMB = largest;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
