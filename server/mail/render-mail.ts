import { meetingInvitationIcs, meetingLink } from '../calendar/ics/meeting-ics';
import type { Meeting } from '../meetings/model/meeting.entity';
import type { Rsvp } from '../meetings/model/participant-status';
import type { User } from '../accounts/model/user.entity';
import type { MailJob } from '../meetings/notices/mail-job';
import { type MailFacts, MAIL_TEXTS } from './mail-texts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The iCalendar message for calendar programs; none for a reminder. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface MailToRender {
  job: MailJob;
  meeting: Meeting;
  instructor: User;
  recipient: User;
  /** The recipient's answer when they are an invited student. */
  rsvp: Rsvp | null;
  publicUrl: string;
  timeZone: string;
  now: Date;
}

function formatWhen(date: Date, locale: string, timeZone: string): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date)} (${timeZone})`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The message in the recipient's language and time zone, as plain text and HTML. */
export function renderMail({ job, meeting, instructor, recipient, rsvp, publicUrl, timeZone, now }: MailToRender): RenderedMail {
  const texts = MAIL_TEXTS[recipient.language];
  const when = (date: Date) => formatWhen(date, texts.locale, timeZone);
  const previous = job.previous;
  const facts: MailFacts = {
    recipient: recipient.displayName,
    instructor: instructor.displayName,
    title: meeting.title,
    when: when(meeting.scheduledAt),
    durationMinutes: meeting.durationMinutes,
    previousWhen:
      previous && (previous.scheduledAt !== meeting.scheduledAt.toISOString() || previous.durationMinutes !== meeting.durationMinutes)
        ? `${when(new Date(previous.scheduledAt))}, ${previous.durationMinutes} min`
        : undefined,
    previousTitle: previous && previous.title !== meeting.title ? previous.title : undefined,
    reason: meeting.cancelReason,
    minutesLeft: Math.max(0, Math.round((meeting.scheduledAt.getTime() - now.getTime()) / 60_000)),
  };
  const wording = texts.kinds[job.kind];
  const link = meetingLink(publicUrl, meeting);
  const paragraphs = [texts.greeting(recipient.displayName), ...wording.body(facts)];
  const text = [...paragraphs, `${wording.action}: ${link}`, `— ${texts.signature}`, texts.footer].join('\n\n');
  const html = [
    `<!doctype html><html lang="${recipient.language}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933">`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#3250d2;color:#fff;text-decoration:none">${escapeHtml(wording.action)}</a></p>`,
    `<p>— ${escapeHtml(texts.signature)}</p>`,
    `<p style="color:#6b7280;font-size:12px">${escapeHtml(texts.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  const calendar =
    job.kind === 'reminder'
      ? undefined
      : meetingInvitationIcs(meeting, instructor, {
          publicUrl,
          now,
          attendee: rsvp ? { user: recipient, rsvp } : undefined,
          withdrawn: job.kind === 'uninvitation',
        });
  return { subject: wording.subject(facts), text, html, calendar };
}
