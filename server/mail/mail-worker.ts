import type { MikroORM } from '@mikro-orm/postgresql';
import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Clock } from '../platform/clock';
import type { MailConfig } from '../platform/config';
import { MeetingStatus } from '../meetings/model/meeting-status';
import { Meeting } from '../meetings/model/meeting.entity';
import { MeetingParticipant } from '../meetings/model/participant.entity';
import { Rsvp } from '../meetings/model/participant-status';
import { User } from '../accounts/model/user.entity';
import { MAIL_QUEUE } from './job-queue';
import type { MailJob } from '../meetings/notices/mail-job';
import type { MailTransport } from './mail-transport';
import { renderMail } from './render-mail';

export interface MailWorkerDependencies {
  orm: MikroORM;
  clock: Clock;
  mail: MailConfig;
  transport: MailTransport;
  logger: Pick<Logger, 'info' | 'warn'>;
}

const OVER = new Set([MeetingStatus.ENDED, MeetingStatus.CANCELLED]);

/**
 * Why a queued message should not go out after all, judged when it is due rather than when it was
 * queued: the meeting may have been cancelled, moved or ended, or the person uninvited, since.
 */
function whyNotSend(job: MailJob, meeting: Meeting, participant: MeetingParticipant | null, isInstructor: boolean): string | null {
  switch (job.kind) {
    case 'invitation':
    case 'update':
      if (OVER.has(meeting.status)) return `the meeting is ${meeting.status.toLowerCase()}`;
      return participant || isInstructor ? null : 'no longer invited';
    case 'cancellation':
      return null;
    case 'uninvitation':
      return participant ? 'invited again' : null;
    case 'reminder':
      if (OVER.has(meeting.status)) return `the meeting is ${meeting.status.toLowerCase()}`;
      if (job.scheduledAt !== meeting.scheduledAt.toISOString()) return 'the meeting moved; its new time has its own reminder';
      if (participant?.rsvp === Rsvp.DECLINED) return 'declined';
      return participant || isInstructor ? null : 'no longer invited';
  }
}

/** An SMTP 5xx answer: the address or the message is refused for good, and retrying would change nothing. */
function refusedForGood(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends one queued message, or drops it when it no longer applies. Throws, for the queue to retry
 * later, when the mail server cannot take it now; a message it refuses for good is logged and dropped.
 */
export async function deliverMail(deps: MailWorkerDependencies, job: MailJob): Promise<'sent' | 'dropped' | 'refused'> {
  const em = deps.orm.em.fork();
  const [meeting, recipient] = await Promise.all([
    em.findOne(Meeting, { id: job.meetingId }, { populate: ['instructor'] }),
    em.findOne(User, { id: job.userId }),
  ]);
  const participant = meeting && recipient ? await em.findOne(MeetingParticipant, { meeting: meeting.id, user: recipient.id }) : null;
  const reason =
    !meeting || !recipient ? 'the meeting or the person is gone' : whyNotSend(job, meeting, participant, meeting.instructor.id === recipient.id);
  if (reason || !meeting || !recipient) {
    deps.logger.info({ kind: job.kind, meetingId: job.meetingId, userId: job.userId, reason }, 'mail dropped');
    return 'dropped';
  }
  const rendered = renderMail({
    job,
    meeting,
    instructor: meeting.instructor.getEntity(),
    recipient,
    rsvp: participant?.rsvp ?? null,
    publicUrl: deps.mail.publicUrl,
    timeZone: recipient.timeZone ?? deps.mail.defaultTimeZone,
    now: deps.clock.now(),
  });
  try {
    await deps.transport.send({ ...rendered, to: { name: recipient.displayName, address: recipient.email } });
  } catch (error) {
    const about = { err: error, kind: job.kind, meetingId: job.meetingId, userId: job.userId };
    if (!refusedForGood(error)) {
      deps.logger.warn(about, 'mail could not be sent now; the queue retries it later');
      throw error;
    }
    deps.logger.warn(about, 'mail refused for good by the mail server; not retried');
    return 'refused';
  }
  deps.logger.info({ kind: job.kind, meetingId: job.meetingId, userId: job.userId }, 'mail sent');
  return 'sent';
}

/**
 * Each instance works the queue; pg-boss hands every job to one worker at a time. New jobs wake the
 * workers through NOTIFY; retries coming due do not, hence the short poll.
 */
export async function startMailWorker(boss: PgBoss, deps: MailWorkerDependencies): Promise<void> {
  const poll = { pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 };
  await boss.work<MailJob>(MAIL_QUEUE, { localConcurrency: 2, ...poll }, async ([job]) => {
    if (job) await deliverMail(deps, job.data);
  });
}
