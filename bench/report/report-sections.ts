import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchResults } from './bench-results';
import { markdownTable, runDescription } from './markdown-table';

const HISTORY_LENGTH = 10;

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} markers to write between`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

function currentHistory(text: string): string[] {
  const match = /<!-- bench:history:start -->\n([\s\S]*?)<!-- bench:history:end -->/.exec(text);
  return (match?.[1] ?? '').split('\n').filter((line) => line.startsWith('- '));
}

/** One line per run: when, which mode, how many targets passed, and each ratio. */
function historyLine(results: BenchResults): string {
  const judged = results.rows.filter((row) => row.pass !== null);
  const ratios = results.rows
    .filter((row) => row.ratio !== null)
    .map((row) => `${row.measurement.replace(/ \(.*$/, '').replace(/:.*$/, '')} ${row.ratio!.toFixed(2)}×${row.pass === false ? ' ✗' : ''}`);
  return `- ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${results.mode}: ${judged.filter((row) => row.pass).length}/${judged.length} targets met; ${ratios.join(', ')}`;
}

/** Puts the latest table into the README and docs/performance.md, and one more line into the history there. */
export function updateReports(readmePath: string, performancePath: string, results: BenchResults): void {
  const latest = `${runDescription(results)}\n\n${markdownTable(results.rows)}`;
  writeFileSync(readmePath, replaceBetween(readFileSync(readmePath, 'utf8'), 'latest', latest));
  let text = replaceBetween(readFileSync(performancePath, 'utf8'), 'latest', latest);
  const history = [historyLine(results), ...currentHistory(text)].slice(0, HISTORY_LENGTH);
  text = replaceBetween(text, 'history', history.join('\n'));
  writeFileSync(performancePath, text);
}
