// CPU time per thread of this process while a function runs (Linux: /proc/self/task/*/stat), so a
// benchmark can show where the time went on a machine whose other jobs make wall time swing: the
// busiest thread's CPU time is what the wall time would be with a free core for every thread.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticksByThread(into: Map<string, number>): void {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return; // not Linux: nothing to report
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      into.set(tid, Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

/**
 * Runs `fn` and returns the CPU milliseconds each thread spent meanwhile, busiest first (threads
 * that ended are counted up to the last sample, taken every 10 ms). Empty where /proc is absent.
 */
export async function cpuByThread(fn: () => Promise<void>): Promise<number[]> {
  const before = new Map<string, number>();
  ticksByThread(before);
  const seen = new Map<string, number>();
  const timer = setInterval(() => ticksByThread(seen), 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  ticksByThread(seen);
  return [...seen]
    .map(([tid, ticks]) => (ticks - (before.get(tid) ?? 0)) * TICK_MS)
    .filter((ms) => ms > 0)
    .sort((a, b) => b - a);
}
