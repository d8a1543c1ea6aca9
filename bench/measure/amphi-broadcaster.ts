import type { Client } from 'pg';
import { benchTokens } from '../auth/bench-tokens';
import { createFanOutMeeting } from '../database/fan-out-meeting';
import { benchUserId } from '../database/seed-bench-data';
import type { Delivery, Swarm } from '../load/swarm';
import { graphqlData } from '../query/graphql-request';
import { profiled, residentBytes, type RunningServer } from '../servers/launch';
import { type Broadcaster, DELIVERY_TIMEOUT_MS, withServerCpu } from './broadcaster';

/** What every fan-out client subscribes to: the README's example, with no field that depends on the viewer. */
export const FAN_OUT_SUBSCRIPTION = `subscription {
  meetingEvents { id type at meeting { id title status presentCount } participant { status user { displayName } } }
}`;

/**
 * Amphi: listeners `firstListener`… subscribed to meetingEvents, spread evenly over `servers`; each
 * broadcast invites them all to a new meeting, changes its description (the probe: unlike a new title
 * or time, it sends no mail, whose sending would overlap the measurement), then starts it on the first
 * server (the measured event: STARTED, timed from its `at`, taken just before the commit).
 */
export class AmphiBroadcaster implements Broadcaster {
  private connected = 0;

  constructor(
    readonly name: string,
    private readonly servers: RunningServer[],
    private readonly swarm: Swarm,
    private readonly database: Client,
    private readonly firstListener: number,
  ) {}

  async growTo(total: number): Promise<void> {
    const added = Array.from({ length: total - this.connected }, (_, offset) => this.connected + offset);
    for (const [position, server] of this.servers.entries()) {
      const mine = added.filter((index) => index % this.servers.length === position);
      const tokens = await Promise.all(mine.map((index) => benchTokens.issue(benchUserId('listener', this.firstListener + index))));
      await this.swarm.subscribe(server.wsUrl, tokens, FAN_OUT_SUBSCRIPTION);
    }
    this.connected = total;
  }

  async broadcast(profileFile?: string): Promise<Delivery> {
    const meetingId = await createFanOutMeeting(this.database, this.firstListener, this.connected);
    const token = await benchTokens.issue(benchUserId('instructor', 1));
    const url = this.servers[0].url;
    const change = (mutation: string) => () => graphqlData(url, mutation, { id: meetingId }, { token });
    await this.swarm.receive(
      { type: 'UPDATED', meetingId },
      change('mutation ($id: ID!) { updateMeeting(id: $id, input: { description: "Bring the lab notes" }) { id } }'),
      DELIVERY_TIMEOUT_MS,
    );
    // Clients the probe missed will miss the measured event too, and the delivered count says so.
    return profiled(this.servers[0], profileFile, () =>
      withServerCpu(this.servers, () =>
        this.swarm.receive({ type: 'STARTED', meetingId }, change('mutation ($id: ID!) { startMeeting(id: $id) { id } }'), DELIVERY_TIMEOUT_MS),
      ),
    );
  }

  async residentBytes(): Promise<number> {
    const readings = await Promise.all(this.servers.map(residentBytes));
    return readings.reduce((sum, bytes) => sum + bytes, 0);
  }
}
