import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Language } from './language';
import { Role } from './role';

/** A person who signs in to Amphi. */
@Entity({ tableName: 'users' })
@Check({ name: 'users_email_lowercase', expression: 'email = lower(email)' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased, so the unique index makes addresses unique regardless of case. */
  @Property({ type: 'string', length: 320, unique: true })
  email: string;

  @Property({ type: 'string', length: 100 })
  displayName: string;

  @Enum({ items: () => Role })
  role: Role;

  @Property({ type: 'string', length: 255, hidden: true, lazy: true })
  passwordHash: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** The language of their mail; exposed to the user alone, through `preferences`. */
  @Enum({ items: () => Language, default: Language.EN })
  language: Language = Language.EN;

  /** An IANA zone for the times written in their mail; null: the campus default (DEFAULT_TIME_ZONE). */
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone: string | null = null;

  /** The secret in their calendar feed's address; null until they ask for the feed. */
  @Property({ type: 'string', length: 64, nullable: true, unique: true, hidden: true })
  calendarToken: string | null = null;

  constructor(fields: { email: string; displayName: string; role: Role; passwordHash: string }) {
    this.email = normalizeEmail(fields.email);
    this.displayName = fields.displayName.trim();
    this.role = fields.role;
    this.passwordHash = fields.passwordHash;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
