// The shared benchmark harness. A package's `bench/*.bench.ts` calls `compare()` once per
// benchmark: ours and the named peer run in the same process, in the same run, on the same data,
// and the result is reported as a ratio (ours / peer in operations per second; above 1 is faster).
// `scripts/bench.mjs` runs the files and gathers the results.
import { appendFileSync } from 'node:fs';
import { Bench } from 'tinybench';

/** One side of a comparison. */
export interface Contender {
  /** What is measured, e.g. "ServiceRequest.safeParse" or "ajv (compiled)". */
  label: string;
  /** One operation. May be async. */
  fn: () => unknown;
}

/** What a comparison records, one JSON line per benchmark. */
export interface BenchResult {
  package: string;
  name: string;
  /** How many items one operation handles (e.g. 10,000 records), so rates can be given per item. */
  itemsPerOp: number;
  ours: { label: string; opsPerSec: number; itemsPerSec: number; p50Ms: number; p99Ms: number };
  peer: { label: string; opsPerSec: number; itemsPerSec: number; p50Ms: number; p99Ms: number };
  /** ours.opsPerSec / peer.opsPerSec (with rounds: the median of the rounds' ratios). */
  ratio: number;
  /** With `rounds`: each round's ratio, in the order run. */
  roundRatios?: number[];
  goal?: string;
}

export interface CompareOptions {
  name: string;
  ours: Contender;
  peer: Contender;
  itemsPerOp?: number;
  /** Milliseconds to run each side (default 1000; `BENCH_TIME` overrides). */
  time?: number;
  /**
   * Run the two sides alternately this many times (default 1), each for `time / rounds`, and
   * report the median of the rounds' ratios. Where the machine's speed drifts (a shared disk, a
   * noisy neighbour), each round then compares neighbouring moments rather than two seconds apart.
   */
  rounds?: number;
  /**
   * Fewest runs of each side per round (tinybench's `iterations`, default 64; warmup runs at most
   * as many). Lower it for operations that take seconds, such as verifying a million events.
   */
  iterations?: number;
  goal?: string;
}

function summary(task: Bench['tasks'][number], itemsPerOp: number, label: string) {
  const result = task.result;
  if (result?.state !== 'completed') {
    throw new Error(`benchmark task ${label} did not complete: ${JSON.stringify(result)}`);
  }
  const opsPerSec = result.throughput.mean;
  return {
    label,
    opsPerSec,
    itemsPerSec: opsPerSec * itemsPerOp,
    p50Ms: result.latency.p50 ?? result.latency.mean,
    p99Ms: result.latency.p99 ?? result.latency.max,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Runs ours and the peer side by side and records the ratio. */
export async function compare(options: CompareOptions): Promise<BenchResult> {
  const itemsPerOp = options.itemsPerOp ?? 1;
  const time = Number(process.env.BENCH_TIME ?? options.time ?? 1000);
  const rounds = options.rounds ?? 1;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`rounds must be an integer >= 1, got ${rounds}`);
  const runs: Array<{ ours: ReturnType<typeof summary>; peer: ReturnType<typeof summary> }> = [];
  for (let r = 0; r < rounds; r++) {
    const slice = time / rounds;
    const bench = new Bench({
      time: slice,
      warmupTime: Math.min(250, slice / 4),
      ...(options.iterations === undefined
        ? {}
        : { iterations: options.iterations, warmupIterations: Math.min(16, options.iterations) }),
    });
    bench.add(options.ours.label, options.ours.fn);
    bench.add(options.peer.label, options.peer.fn);
    await bench.run();
    const [oursTask, peerTask] = bench.tasks;
    if (!oursTask || !peerTask) throw new Error('tinybench lost a task');
    runs.push({
      ours: summary(oursTask, itemsPerOp, options.ours.label),
      peer: summary(peerTask, itemsPerOp, options.peer.label),
    });
  }
  const pick = (side: 'ours' | 'peer') => {
    const first = (runs[0] as (typeof runs)[number])[side];
    if (rounds === 1) return first;
    const of = (key: 'opsPerSec' | 'itemsPerSec' | 'p50Ms' | 'p99Ms') =>
      median(runs.map((run) => run[side][key]));
    return {
      label: first.label,
      opsPerSec: of('opsPerSec'),
      itemsPerSec: of('itemsPerSec'),
      p50Ms: of('p50Ms'),
      p99Ms: of('p99Ms'),
    };
  };
  const ours = pick('ours');
  const peer = pick('peer');
  const roundRatios = runs.map((run) => run.ours.opsPerSec / run.peer.opsPerSec);
  const result: BenchResult = {
    package: process.env.CITY_BENCH_PACKAGE ?? 'unknown',
    name: options.name,
    itemsPerOp,
    ours,
    peer,
    ratio: rounds === 1 ? ours.opsPerSec / peer.opsPerSec : median(roundRatios),
    ...(rounds === 1 ? {} : { roundRatios }),
    ...(options.goal === undefined ? {} : { goal: options.goal }),
  };
  const out = process.env.CITY_BENCH_OUT;
  if (out) appendFileSync(out, `${JSON.stringify(result)}\n`);
  else console.log(JSON.stringify(result, null, 2));
  return result;
}
