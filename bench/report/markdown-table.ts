import type { BenchResults, ResultRow } from './bench-results';

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'pass' : '**FAIL**');

/** The results as a Markdown table (also readable as printed in a terminal). */
export function markdownTable(rows: ResultRow[]): string {
  const lines = [
    '| measurement | Amphi | baseline | ratio | target | result |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.measurement} | ${row.ours} | ${row.baseline} | ${row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`} | ${row.target} | ${verdict(row.pass)}${row.note ? ` (${row.note})` : ''} |`,
    ),
  ];
  return lines.join('\n');
}

/** Where and how the run happened, in one paragraph. */
export function runDescription(results: BenchResults): string {
  const { machine, data } = results;
  return (
    `\`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\` on ${results.startedAt.slice(0, 10)}, ${results.durationSeconds.toFixed(0)} s: ` +
    `${machine.cores} × ${machine.cpus}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ${machine.pinning}; ` +
    `load average ${machine.loadAverage.toFixed(2)} at the start${machine.loadAverage > 0.5 ? ' (busy: other work shared the cores, times are noisy)' : ''}. ` +
    `Data: ${data.instructors} instructors, ${data.students} students, ${data.meetings} meetings × ${data.participantsPerMeeting} participants, ${data.listeners} listeners.`
  );
}
