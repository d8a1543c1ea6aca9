import type { MailConfig } from '../platform/config';

/** Mail settings of test servers: links to a fictitious public address, fast retries, no outbox. */
export const TEST_MAIL_CONFIG: MailConfig = {
  publicUrl: 'https://amphi.example.test',
  smtpUrl: undefined,
  outboxDir: '/nonexistent/outbox',
  from: 'Amphi <no-reply@amphi.example.test>',
  retryLimit: 3,
  retryDelaySeconds: 1,
  reminderMinutes: 15,
  reminderSweepIntervalMs: 60_000,
  defaultTimeZone: 'UTC',
};
