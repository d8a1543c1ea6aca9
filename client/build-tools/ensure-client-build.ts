import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BUILD_DIRECTORY = path.join(ROOT, 'dist/client');
const STAMP = path.join(BUILD_DIRECTORY, '.sources-hash');
const LOCK = path.join(ROOT, 'dist/.client-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

/** Everything the build reads: the client's sources and config, and the locked dependency versions. */
const INPUTS = ['client/index.html', 'client/vite.config.mts', 'client/src', 'client/graphiql', 'client/public', 'package-lock.json'];

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  return hash.digest('hex');
}

function isFresh(hash: string): boolean {
  return existsSync(path.join(BUILD_DIRECTORY, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;
}

function runViteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.mts', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

/** Holds a lock (a directory: creating one is atomic) so that parallel test files build only once. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * The production build of the web client in dist/client, rebuilt only when a source changed since the
 * last build. Returns true when it built.
 */
export async function ensureClientBuild(): Promise<boolean> {
  if (isFresh(sourcesHash())) return false;
  return withLock(async () => {
    const hash = sourcesHash();
    if (isFresh(hash)) return false;
    await runViteBuild();
    writeFileSync(STAMP, hash);
    return true;
  });
}
