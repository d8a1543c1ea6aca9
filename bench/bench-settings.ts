/** How much data the benchmark seeds. */
export interface DataSetSize {
  instructors: number;
  students: number;
  meetings: number;
  participantsPerMeeting: number;
  /**
   * Extra students invited to the fan-out meetings, one WebSocket client each: as many as the largest
   * fan-out, and twice the scale-out's clients (its two set-ups invite different ones).
   */
  listeners: number;
}

/** Everything that differs between `npm run bench` and `npm run bench -- --quick`. */
export interface BenchSettings {
  name: 'quick' | 'full';
  data: DataSetSize;
  /** Meetings per page in the throughput test. */
  pageSize: number;
  /**
   * `warmUpSeconds`: one unmeasured run per server first; `rampSeconds`: the start of every run, while
   * its connections open and answer their first requests, left out of its figures.
   */
  throughput: { connections: number; warmUpSeconds: number; rampSeconds: number; seconds: number; rounds: number };
  statementPageSizes: number[];
  fanOut: { clientCounts: number[]; rounds: number };
  /** Clients holding an idle subscription while the server's memory is read. */
  memoryClients: number;
  /** Client count of the scale-out comparison (two instances against one). */
  scaleOutClients: number;
}

export const QUICK: BenchSettings = {
  name: 'quick',
  data: { instructors: 20, students: 1_000, meetings: 2_000, participantsPerMeeting: 30, listeners: 2_000 },
  pageSize: 20,
  throughput: { connections: 32, warmUpSeconds: 3, rampSeconds: 1, seconds: 5, rounds: 2 },
  statementPageSizes: [1, 10, 50, 100],
  fanOut: { clientCounts: [1_000], rounds: 3 },
  memoryClients: 1_000,
  scaleOutClients: 1_000,
};

export const FULL: BenchSettings = {
  name: 'full',
  data: { instructors: 200, students: 5_000, meetings: 20_000, participantsPerMeeting: 30, listeners: 20_000 },
  pageSize: 20,
  throughput: { connections: 32, warmUpSeconds: 5, rampSeconds: 2, seconds: 10, rounds: 5 },
  statementPageSizes: [1, 10, 50, 100],
  fanOut: { clientCounts: [1_000, 5_000, 10_000], rounds: 9 },
  memoryClients: 10_000,
  scaleOutClients: 10_000,
};
