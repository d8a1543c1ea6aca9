import type { Delivery, Swarm } from '../load/swarm';
import { profiled, residentBytes, type RunningServer } from '../servers/launch';
import { type Broadcaster, DELIVERY_TIMEOUT_MS, withServerCpu } from './broadcaster';

/** The same event as Amphi sends, as plain data; the raw server stamps `at` and serialises it once. */
function rawEvent(type: string) {
  return {
    meetingEvents: {
      id: '1',
      type,
      at: '',
      meeting: { id: '00000000-0000-4000-8000-000000000000', title: 'Lecture hall, room 2', status: 'LIVE', presentCount: 0 },
      participant: null,
    },
  };
}

/** The baseline: a plain `ws` server that sends one pre-serialised message to every client. */
export class RawBroadcaster implements Broadcaster {
  readonly name = 'raw ws broadcast';
  private connected = 0;

  constructor(
    private readonly server: RunningServer,
    private readonly swarm: Swarm,
  ) {}

  async growTo(total: number): Promise<void> {
    await this.swarm.connectPlain(this.server.wsUrl.replace(/\/$/, ''), total - this.connected);
    this.connected = total;
  }

  async broadcast(profileFile?: string): Promise<Delivery> {
    const send = (type: string) => () =>
      fetch(this.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rawEvent(type)) });
    await this.swarm.receive({ type: 'UPDATED' }, send('UPDATED'), DELIVERY_TIMEOUT_MS);
    return profiled(this.server, profileFile, () =>
      withServerCpu([this.server], () => this.swarm.receive({ type: 'STARTED' }, send('STARTED'), DELIVERY_TIMEOUT_MS)),
    );
  }

  residentBytes(): Promise<number> {
    return residentBytes(this.server);
  }
}
