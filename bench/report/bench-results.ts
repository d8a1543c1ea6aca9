import type { BenchSettings } from '../bench-settings';
import type { FanOutSize } from '../measure/fan-out';
import type { ThroughputComparison } from '../measure/query-throughput';
import type { ScaleOut } from '../phases/scale-out-phase';
import type { StatementComparison } from '../measure/statements-per-request';
import type { SameDataReport } from '../query/same-data';

/** One line of the printed table: ours against the baseline measured in the same run. */
export interface ResultRow {
  measurement: string;
  ours: string;
  baseline: string;
  /** ours ÷ baseline, when that means something. */
  ratio: number | null;
  target: string;
  /** Null: informational, no target. */
  pass: boolean | null;
  /** Why it failed, or what to know about it. */
  note?: string;
}

export interface MachineDescription {
  cpus: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  pinning: string;
  /** One-minute load average when the run started: above ~0.5, other work competed for the cores. */
  loadAverage: number;
}

/** Everything a run measured: written to bench/results/latest.json. */
export interface BenchResults {
  mode: BenchSettings['name'];
  startedAt: string;
  durationSeconds: number;
  machine: MachineDescription;
  data: BenchSettings['data'];
  sameData: SameDataReport[];
  throughput: ThroughputComparison;
  statements: StatementComparison;
  fanOut: FanOutSize[];
  /** Null when no Redis could be had. */
  scaleOut: ScaleOut | null;
  rows: ResultRow[];
}
