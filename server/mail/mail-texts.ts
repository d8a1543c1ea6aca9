import { Language } from '../accounts/model/language';
import type { MailKind } from '../meetings/notices/mail-job';

/** What a message says, given the facts already formatted in the recipient's language. */
export interface MailFacts {
  recipient: string;
  instructor: string;
  title: string;
  when: string;
  durationMinutes: number;
  /** Update: the time and title before the change, when they changed. */
  previousWhen?: string;
  previousTitle?: string;
  reason?: string | null;
  minutesLeft?: number;
}

export interface MailWording {
  subject(facts: MailFacts): string;
  /** Paragraphs, plain text. */
  body(facts: MailFacts): string[];
  action: string;
}

export interface LanguageTexts {
  locale: string;
  greeting(name: string): string;
  signature: string;
  /** Why this message came, at its foot. */
  footer: string;
  kinds: Record<MailKind, MailWording>;
}

const en: LanguageTexts = {
  locale: 'en-GB',
  greeting: (name) => `Hello ${name},`,
  signature: 'Amphi',
  footer: 'You receive this message because you take part in this meeting on Amphi.',
  kinds: {
    invitation: {
      subject: (f) => `Invitation: ${f.title} — ${f.when}`,
      body: (f) => [`${f.instructor} invites you to the online class “${f.title}”.`, `When: ${f.when}, for ${f.durationMinutes} min.`],
      action: 'Answer the invitation',
    },
    update: {
      subject: (f) => `Changed: ${f.title} — ${f.when}`,
      body: (f) => [
        `The online class “${f.title}” has changed.`,
        ...(f.previousTitle ? [`It was called “${f.previousTitle}”.`] : []),
        f.previousWhen
          ? `New time: ${f.when}, for ${f.durationMinutes} min (was ${f.previousWhen}).`
          : `When: ${f.when}, for ${f.durationMinutes} min.`,
      ],
      action: 'See the meeting',
    },
    cancellation: {
      subject: (f) => `Cancelled: ${f.title} — ${f.when}`,
      body: (f) => [`The online class “${f.title}” of ${f.when} is cancelled.`, ...(f.reason ? [`Reason: ${f.reason}`] : [])],
      action: 'See the meeting',
    },
    uninvitation: {
      subject: (f) => `No longer invited: ${f.title} — ${f.when}`,
      body: (f) => [`You are no longer invited to the online class “${f.title}” of ${f.when}.`],
      action: 'Open Amphi',
    },
    reminder: {
      subject: (f) => `In ${f.minutesLeft} min: ${f.title}`,
      body: (f) => [
        `The online class “${f.title}” starts in ${f.minutesLeft} minutes: ${f.when}.`,
        'Join the room from the meeting’s page once it is live.',
      ],
      action: 'Go to the meeting',
    },
  },
};

const fr: LanguageTexts = {
  locale: 'fr-FR',
  greeting: (name) => `Bonjour ${name},`,
  signature: 'Amphi',
  footer: 'Vous recevez ce message parce que vous participez à cette réunion sur Amphi.',
  kinds: {
    invitation: {
      subject: (f) => `Invitation : ${f.title} — ${f.when}`,
      body: (f) => [`${f.instructor} vous invite au cours en ligne « ${f.title} ».`, `Quand : ${f.when}, pendant ${f.durationMinutes} min.`],
      action: 'Répondre à l’invitation',
    },
    update: {
      subject: (f) => `Modifié : ${f.title} — ${f.when}`,
      body: (f) => [
        `Le cours en ligne « ${f.title} » a changé.`,
        ...(f.previousTitle ? [`Il s’appelait « ${f.previousTitle} ».`] : []),
        f.previousWhen
          ? `Nouvel horaire : ${f.when}, pendant ${f.durationMinutes} min (au lieu de ${f.previousWhen}).`
          : `Quand : ${f.when}, pendant ${f.durationMinutes} min.`,
      ],
      action: 'Voir la réunion',
    },
    cancellation: {
      subject: (f) => `Annulé : ${f.title} — ${f.when}`,
      body: (f) => [`Le cours en ligne « ${f.title} » du ${f.when} est annulé.`, ...(f.reason ? [`Motif : ${f.reason}`] : [])],
      action: 'Voir la réunion',
    },
    uninvitation: {
      subject: (f) => `Vous n’êtes plus invité : ${f.title} — ${f.when}`,
      body: (f) => [`Vous n’êtes plus invité au cours en ligne « ${f.title} » du ${f.when}.`],
      action: 'Ouvrir Amphi',
    },
    reminder: {
      subject: (f) => `Dans ${f.minutesLeft} min : ${f.title}`,
      body: (f) => [
        `Le cours en ligne « ${f.title} » commence dans ${f.minutesLeft} minutes : ${f.when}.`,
        'Rejoignez la salle depuis la page de la réunion dès qu’elle est en direct.',
      ],
      action: 'Aller à la réunion',
    },
  },
};

export const MAIL_TEXTS: Record<Language, LanguageTexts> = { [Language.EN]: en, [Language.FR]: fr };
