// Rounds taken only while no other job uses the CPU (Linux: /proc/stat less this process's own
// CPU time). On this machine the CPUs are shared between login sessions, not threads (Linux's
// autogroup scheduling), so while another session keeps a core busy, worker threads cannot get
// it and a wall-time ratio says nothing about them; these rounds show what they do with the
// machine to themselves.
import { readFileSync } from 'node:fs';

function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string)
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - (fields[3] as number) - (fields[4] as number), total };
  } catch {
    return undefined;
  }
}

/** Runs `fn` and returns its wall time and the CPUs that other processes kept busy meanwhile. */
export async function timedAlone(
  fn: () => Promise<unknown>,
): Promise<{ wallMs: number; othersBusy: number }> {
  const before = cpuTicks();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wallMs = performance.now() - start;
  const after = cpuTicks();
  const used = process.cpuUsage(cpu);
  if (!before || !after) return { wallMs, othersBusy: Number.NaN };
  const ticks = after.total - before.total;
  const ours = (used.user + used.system) / 10_000; // microseconds to 10 ms ticks
  // /proc/stat's first line sums every CPU: the share of all ticks times the CPU count.
  const cpus = readFileSync('/proc/stat', 'utf8').match(/^cpu\d+ /gm)?.length ?? 1;
  return { wallMs, othersBusy: (Math.max(0, after.busy - before.busy - ours) / ticks) * cpus };
}

/**
 * Waits (up to `minutes`) for moments when other processes use less than a tenth of a CPU, and
 * runs `round` then; a round during which they used more than a fifth is not counted. Returns the
 * rounds counted (at most `rounds`).
 */
export async function idleRounds<T>(
  rounds: number,
  minutes: number,
  round: () => Promise<{ result: T; othersBusy: number }>,
): Promise<T[]> {
  const out: T[] = [];
  const deadline = Date.now() + minutes * 60_000;
  while (out.length < rounds && Date.now() < deadline) {
    const quiet = await timedAlone(() => new Promise((r) => setTimeout(r, 2000)));
    if (!(quiet.othersBusy < 0.1)) continue;
    const { result, othersBusy } = await round();
    if (othersBusy < 0.2) out.push(result);
  }
  return out;
}
