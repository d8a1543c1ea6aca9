import { Client } from 'pg';

type Release = (error?: Error | boolean) => void;

/**
 * A `pg` client that gives its pool slot back when its connection dies while it is checked out.
 *
 * Kysely, under MikroORM, releases a transaction's connection only after a successful COMMIT or
 * ROLLBACK (kysely-org/kysely#1990). When the database goes away mid-transaction both fail, the
 * connection is never released, and `pg-pool` counts the dead client against `max` for ever: a few
 * restarts under load and every request waits for a slot that never frees. Here a client whose
 * connection ended is released with an error, which makes the pool discard it; Kysely's own release,
 * should it come later, is then ignored instead of throwing "Release called on client which has
 * already been released".
 */
export class PooledClient extends Client {
  private poolRelease: Release | undefined;

  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.once('end', () => this.release(new Error('The database connection ended')));
  }

  // pg-pool assigns `client.release` each time it hands the client out: the setter keeps that
  // function, the getter returns a release that works once per checkout.
  set release(release: Release) {
    this.poolRelease = release;
  }

  get release(): Release {
    return (error) => {
      const release = this.poolRelease;
      this.poolRelease = undefined;
      release?.(error);
    };
  }
}
