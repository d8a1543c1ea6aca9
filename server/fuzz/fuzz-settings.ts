/**
 * How much to fuzz and from which seed. One seed drives the whole file, so that a failure is replayed
 * with `FUZZ_SEED=<seed> npx vitest run server/fuzz` (the database is rebuilt the same way each run).
 */
export interface FuzzSettings {
  seed: number;
  /** Runs of each property (times its share); the random-operation property runs batches of `concurrency`. */
  runs: number;
  /** How many requests are in flight at once. */
  concurrency: number;
}

/** About 5,300 cases: some 45 s on two busy cores. */
export const DEFAULT_RUNS = 280;

/** What the default must reach (issue 8: "at least 5,000 cases in CI"). */
export const MINIMUM_DEFAULT_CASES = 5000;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function seedFromEnvironment(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return Math.floor(Math.random() * 0x7fffffff);
  if (!/^-?\d+$/.test(raw)) throw new Error(`FUZZ_SEED must be an integer, not "${raw}"`);
  return Number(raw) | 0;
}

export function fuzzSettings(): FuzzSettings {
  return {
    seed: seedFromEnvironment(),
    runs: Math.ceil(positiveNumber('FUZZ_RUNS', DEFAULT_RUNS)),
    concurrency: Math.floor(positiveNumber('FUZZ_CONCURRENCY', 6)),
  };
}

/** A distinct but reproducible seed for each property, so properties do not share their draws. */
export function seedFor(settings: FuzzSettings, name: string): number {
  let hash = settings.seed | 0;
  for (const char of name) hash = (Math.imul(hash ^ char.charCodeAt(0), 0x5bd1e995) + 0x6b43a9b5) | 0;
  return hash;
}

export function replayHint(settings: FuzzSettings): string {
  return `replay with FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} FUZZ_CONCURRENCY=${settings.concurrency} npx vitest run server/fuzz`;
}
