import type { BenchSettings } from '../bench-settings';
import type { BenchDatabase } from '../database/bench-database';
import type { ChildProcesses } from '../processes/child-processes';

/** What every phase of a run works with. */
export interface BenchContext {
  settings: BenchSettings;
  children: ChildProcesses;
  database: BenchDatabase;
  /** Bearer token of the seeded admin, who sees every meeting. */
  adminToken: string;
  /** --profile: CPU profiles of the servers during the measured windows, in bench/results/profiles/. */
  profile: boolean;
  log(line: string): void;
}
