import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import { runPeriodically } from '../../platform/periodic-task';
import { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { Rsvp } from '../model/participant-status';
import type { MailQueue } from '../notices/mail-job';
import { mailTo } from '../notices/mail-job';

export interface ReminderDependencies {
  orm: MikroORM;
  clock: Clock;
  mailQueue: MailQueue;
}

const BATCH = 100;

/**
 * Queues the reminders that are due: to the students who have not declined, and the instructor.
 * Each meeting's reminder is claimed under its row lock (SKIP LOCKED) and cleared in the transaction
 * that queues its mail, so however many instances sweep at once, each reminder goes out once.
 */
export async function queueDueReminders({ orm, clock, mailQueue }: ReminderDependencies): Promise<number> {
  let queued = 0;
  for (;;) {
    const claimed = await orm.em.fork().transactional(async (em) => {
      const due = await em.find(
        Meeting,
        { reminderDueAt: { $lte: clock.now() } },
        {
          fields: ['id', 'scheduledAt', 'instructor'],
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
          limit: BATCH,
          orderBy: { reminderDueAt: 'asc' },
        },
      );
      if (due.length === 0) return 0;
      const participants = await em.find(
        MeetingParticipant,
        { meeting: { $in: due.map((meeting) => meeting.id) }, rsvp: { $ne: Rsvp.DECLINED } },
        { fields: ['meeting', 'user'] },
      );
      const mail = due.flatMap((meeting) => {
        const students = participants.filter((participant) => participant.meeting.id === meeting.id).map((participant) => participant.user.id);
        return mailTo([...students, meeting.instructor.id], 'reminder', meeting, { scheduledAt: meeting.scheduledAt.toISOString() });
      });
      await mailQueue.queue(em, mail);
      // In SQL: through MikroORM (even nativeUpdate) the meeting's version would move, and an instructor editing it would meet a conflict.
      await em.execute('update meetings set reminder_due_at = null where id in (?)', [due.map((meeting) => meeting.id)]);
      return due.length;
    });
    queued += claimed;
    if (claimed < BATCH) return queued;
  }
}

export function startReminderSweeper(deps: ReminderDependencies, logger: Pick<Logger, 'warn'>, intervalMs: number): { stop(): void } {
  return runPeriodically(() => queueDueReminders(deps), intervalMs, logger, 'queueing due reminders failed; will retry');
}
