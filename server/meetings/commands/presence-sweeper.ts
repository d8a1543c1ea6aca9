import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import { runPeriodically } from '../../platform/periodic-task';
import { type WriteScope, writeWithEvents } from '../events/write-with-events';
import { MeetingEventType } from '../model/meeting-event-type';
import { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { isGone, PRESENCE_TIMEOUT_SECONDS } from '../model/presence';
import { participantEvent } from './invitations';

export interface PresenceSweeperDependencies extends Omit<WriteScope, 'em'> {
  orm: MikroORM;
  clock: Clock;
}

/**
 * Closes the visits of students whose room went silent (a closed laptop sends no "left"), as of
 * their last heartbeat. Safe on several instances at once: each visit is re-checked under its lock.
 */
export async function closeSilentVisits({ orm, clock, events, mailQueue }: PresenceSweeperDependencies): Promise<number> {
  const now = clock.now();
  const candidates = await orm.em
    .fork()
    .find(
      MeetingParticipant,
      { presentSince: { $ne: null }, lastSeenAt: { $lt: new Date(now.getTime() - PRESENCE_TIMEOUT_SECONDS * 1000) } },
      { fields: ['id', 'meeting'] },
    );
  let closed = 0;
  for (const candidate of candidates) {
    const closedThis = await writeWithEvents({ em: orm.em.fork(), clock, events, mailQueue }, async (em) => {
      // Rows are locked meeting first, as everywhere else.
      await em.findOne(Meeting, { id: candidate.meeting.id }, { lockMode: LockMode.PESSIMISTIC_READ });
      const participant = await em.findOne(MeetingParticipant, { id: candidate.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!participant || !isGone(participant, now)) return { result: false, events: [] };
      participant.leaveRoom(now);
      return { result: true, events: [participantEvent(MeetingEventType.PARTICIPANT_UPDATED, participant)] };
    });
    if (closedThis) closed += 1;
  }
  return closed;
}

export function startPresenceSweeper(deps: PresenceSweeperDependencies, logger: Logger, intervalMs = 30_000): { stop(): void } {
  return runPeriodically(() => closeSilentVisits(deps), intervalMs, logger, 'closing silent visits failed; will retry');
}
