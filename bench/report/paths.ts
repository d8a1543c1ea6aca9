import path from 'node:path';

export const RESULTS_DIRECTORY = path.resolve(__dirname, '../results');
/** Committed: the figures of the last run. */
export const LATEST_RESULTS = path.join(RESULTS_DIRECTORY, 'latest.json');
/** Not committed: what each child process printed, and CPU profiles. */
export const LOG_DIRECTORY = path.join(RESULTS_DIRECTORY, 'logs');
export const PROFILE_DIRECTORY = path.join(RESULTS_DIRECTORY, 'profiles');
export const README = path.resolve(__dirname, '../../README.md');
/** The latest table again, the history of runs, and what they found. */
export const PERFORMANCE_DOC = path.resolve(__dirname, '../../docs/performance.md');
