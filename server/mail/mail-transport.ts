import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Logger } from 'pino';
import type { MailConfig } from '../platform/config';
import type { RenderedMail } from './render-mail';

export interface OutgoingMail extends RenderedMail {
  to: { name: string; address: string };
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * nodemailer sends the calendar part both as a text/calendar alternative (what Gmail and Outlook turn
 * into calendar buttons) and as an invite.ics attachment for every other mail program.
 */
function messageOf(mail: OutgoingMail, from: string): SendMailOptions {
  const calendar = mail.calendar;
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(calendar && { icalEvent: { method: calendar.method, content: calendar.content } }),
  };
}

/** SMTP when SMTP_URL is set; otherwise each message becomes an .eml file in the outbox folder. */
export function createMailTransport(config: MailConfig, logger: Pick<Logger, 'info'>): MailTransport {
  if (config.smtpUrl) {
    const smtp = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(mail) {
        await smtp.sendMail(messageOf(mail, config.from));
      },
      close: () => smtp.close(),
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await writer.sendMail(messageOf(mail, config.from));
      await mkdir(config.outboxDir, { recursive: true });
      const time = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(config.outboxDir, `${time}-${mail.to.address.replace(/[^\w.@+-]/g, '_')}-${randomBytes(3).toString('hex')}.eml`);
      // Written aside, then renamed: whoever watches the folder never reads half a message.
      await writeFile(`${file}.part`, info.message as Buffer);
      await rename(`${file}.part`, file);
      logger.info({ to: mail.to.address, subject: mail.subject, file }, 'mail written to the outbox (SMTP_URL is unset)');
    },
    close: () => writer.close(),
  };
}
