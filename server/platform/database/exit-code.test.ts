import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('loading the embedded PostgreSQL', () => {
  it('leaves the exit code alone: a failing process still exits with its failure', () => {
    const script = "import './server/platform/database/embedded-postgres.ts'; process.exitCode = 3;";
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });
});
