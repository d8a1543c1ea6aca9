import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The iCalendar parts (text/calendar alternative, invite.ics attachment), as text. */
  calendars: string[];
  parsed: ParsedMail;
}

/** A real SMTP server in the test process, collecting what it receives. */
export class TestMailbox {
  readonly received: ReceivedMail[] = [];
  private waiters: Array<() => void> = [];
  private refusalsLeft = 0;
  private refusalCode = 451;
  /** Recipients the server was asked to take, refused or not. */
  readonly attempts: string[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<TestMailbox> {
    let mailbox: TestMailbox | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        mailbox?.attempts.push(address.address);
        if (mailbox && mailbox.refusalsLeft > 0) {
          mailbox.refusalsLeft -= 1;
          const message = mailbox.refusalCode < 500 ? 'Mailbox busy, try again later' : 'No such mailbox';
          callback(Object.assign(new Error(message), { responseCode: mailbox.refusalCode }));
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mailbox!.add(parsed);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    mailbox = new TestMailbox(server, `smtp://127.0.0.1:${port}`);
    return mailbox;
  }

  /** The next `count` deliveries are refused: for now (451) unless another SMTP code is given. */
  refuseNext(count: number, code = 451): void {
    this.refusalsLeft = count;
    this.refusalCode = code;
  }

  /** Resolves once `count` messages in all have arrived; fails after `timeoutMs`. */
  async waitForTotal(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `expected ${count} messages, got ${this.received.length}: ${this.received.map((mail) => `${mail.to} ${mail.subject}`).join('; ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received.slice(0, count);
  }

  /** Waits for `count` more messages than `seen`, and returns those. */
  async nextBatch(seen: number, count: number): Promise<ReceivedMail[]> {
    return (await this.waitForTotal(seen + count)).slice(seen);
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to === address);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private add(parsed: ParsedMail): void {
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    const calendars = parsed.attachments
      .filter((attachment) => /^(text\/calendar|application\/ics)/.test(attachment.contentType))
      .map((attachment) => attachment.content.toString('utf8'));
    this.received.push({
      to: to?.value[0]?.address ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      calendars,
      parsed,
    });
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** A property of the first VEVENT (or the calendar, for METHOD), unfolded. */
export function icsProperty(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(unfolded)?.[1]?.trim();
}
