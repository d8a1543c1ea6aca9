import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * How long a request waits for a database connection (a new one, or a free one from the pool), and
 * how long one SQL statement may run, before the request fails as SERVICE_UNAVAILABLE.
 */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 30_000 };

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(DEFAULT_DATABASE_TIMEOUTS.connectMs),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_DATABASE_TIMEOUTS.statementMs),
  EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().min(1).default('.amphi'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+\s*(s|m|h|d)$/, 'must be a number followed by s, m, h or d, e.g. 12h')
    .default('12h'),
  JITSI_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?(\/[\w./-]*)?$/i, 'must be a host name, optionally with a port and path')
    .default('meet.jit.si'),
  JITSI_APP_ID: z.string().min(1).optional(),
  JITSI_APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JITSI_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  JITSI_KID: z.string().min(1).optional(),
  JITSI_AUDIENCE: z.string().min(1).default('jitsi'),
  JITSI_ISSUER: z.string().min(1).optional(),
  JITSI_SUBJECT: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  EVENT_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(72),
  EVENT_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5000),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(10),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(10_000).default(20),
  WS_KEEPALIVE_MS: z.coerce.number().int().min(100).max(600_000).default(12_000),
  WS_MAX_UNSENT_KIB: z.coerce.number().int().min(16).max(1_048_576).default(1024),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(10),
  SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(100),
  TRUST_PROXY: z.string().min(1).optional(),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, 'must be an http:// or https:// URL without query or fragment')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(8),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  REMINDER_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(15),
  REMINDER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DEFAULT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris or UTC').default('UTC'),
  SEED_DEMO_DATA: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  port: number;
  /** Unset: an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl: string | undefined;
  databasePoolMax: number;
  databaseTimeouts: DatabaseTimeouts;
  embeddedDatabasePort: number;
  /** Absolute path of the folder holding the embedded database and development secrets. */
  dataDir: string;
  /** Unset outside production: a secret is generated once and kept in `dataDir`. */
  jwtSecret: string | undefined;
  jwtExpiresIn: string;
  jitsiDomain: string;
  /** Unset: no room tokens; the unguessable room name is the only protection. */
  jitsiToken: JitsiTokenConfig | undefined;
  /** Unset: events stay within this process (a single instance). */
  redisUrl: string | undefined;
  eventRetentionHours: number;
  eventPollIntervalMs: number;
  limits: AppLimits;
  /** Express's `trust proxy`: set behind a reverse proxy so client addresses come from X-Forwarded-For. */
  trustProxy: string | undefined;
  mail: MailConfig;
  seedDemoData: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
}

export interface MailConfig {
  /** Where links in mail and the calendar feed point, without a trailing slash. */
  publicUrl: string;
  /** Unset: messages are written as .eml files into `outboxDir` instead of being sent. */
  smtpUrl: string | undefined;
  outboxDir: string;
  from: string;
  retryLimit: number;
  retryDelaySeconds: number;
  /** 0: no reminders. */
  reminderMinutes: number;
  reminderSweepIntervalMs: number;
  /** For people who have not chosen a time zone. */
  defaultTimeZone: string;
}

export interface AppLimits {
  /** Per GraphQL operation, over HTTP and WebSocket alike. */
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxConnectionsPerUser: number;
  maxSubscriptionsPerConnection: number;
  /** Pings every this often; a peer that has not answered the previous one is dropped. */
  keepAliveMs: number;
  /** Bytes of results a connection may leave unread before it is closed as too slow. */
  maxUnsentBytes: number;
  /** Failed sign-ins per account, and attempts per client address, in 15 minutes. */
  signInFailuresPerAccount: number;
  signInAttemptsPerAddress: number;
}

/**
 * HS256 with a shared secret for a self-hosted Jitsi (prosody token auth), or RS256 with a private
 * key and key id for 8x8 JaaS, where rooms are named "<app id>/<room>".
 */
export type JitsiTokenConfig =
  | { kind: 'shared-secret'; appId: string; secret: string; issuer: string; audience: string; subject: string }
  | { kind: 'jaas'; appId: string; privateKey: string; keyId: string; issuer: string; audience: string; subject: string };

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the environment once; throws a ConfigurationError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])] ?? null)})`),
    );
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  if (production && !values.JWT_SECRET) {
    throw new ConfigurationError(['JWT_SECRET: required in production (at least 32 random characters)']);
  }
  const jitsiProblem = jitsiTokenProblem(values);
  if (jitsiProblem) throw new ConfigurationError([jitsiProblem]);
  if (production && values.SEED_DEMO_DATA) {
    throw new ConfigurationError(['SEED_DEMO_DATA: demo accounts with a public password are refused in production']);
  }
  if (production && !values.PUBLIC_URL) {
    throw new ConfigurationError(['PUBLIC_URL: required in production, for the links in mail and calendar feeds (e.g. https://amphi.example.edu)']);
  }
  return {
    environment: values.NODE_ENV,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    databasePoolMax: values.DATABASE_POOL_MAX,
    databaseTimeouts: { connectMs: values.DATABASE_CONNECT_TIMEOUT_MS, statementMs: values.DATABASE_STATEMENT_TIMEOUT_MS },
    embeddedDatabasePort: values.EMBEDDED_DATABASE_PORT,
    dataDir: path.resolve(values.DATA_DIR),
    jwtSecret: values.JWT_SECRET,
    jwtExpiresIn: values.JWT_EXPIRES_IN.replace(/\s+/g, ''),
    jitsiDomain: values.JITSI_DOMAIN,
    jitsiToken: jitsiTokenConfig(values),
    redisUrl: values.REDIS_URL,
    eventRetentionHours: values.EVENT_RETENTION_HOURS,
    eventPollIntervalMs: values.EVENT_POLL_INTERVAL_MS,
    limits: {
      maxDepth: values.GRAPHQL_MAX_DEPTH,
      maxCost: values.GRAPHQL_MAX_COST,
      maxAliases: values.GRAPHQL_MAX_ALIASES,
      maxTokens: values.GRAPHQL_MAX_TOKENS,
      maxConnectionsPerUser: values.WS_MAX_CONNECTIONS_PER_USER,
      maxSubscriptionsPerConnection: values.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      keepAliveMs: values.WS_KEEPALIVE_MS,
      maxUnsentBytes: values.WS_MAX_UNSENT_KIB * 1024,
      signInFailuresPerAccount: values.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      signInAttemptsPerAddress: values.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
    },
    trustProxy: values.TRUST_PROXY,
    mail: mailConfig(values, path.resolve(values.DATA_DIR)),
    seedDemoData: values.SEED_DEMO_DATA ?? !production,
    logLevel: values.LOG_LEVEL,
  };
}

type Values = z.infer<typeof environmentSchema>;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function mailConfig(values: Values, dataDir: string): MailConfig {
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  return {
    publicUrl,
    smtpUrl: values.SMTP_URL,
    outboxDir: path.join(dataDir, 'outbox'),
    from: values.MAIL_FROM ?? `Amphi <no-reply@${new URL(publicUrl).hostname}>`,
    retryLimit: values.MAIL_RETRY_LIMIT,
    retryDelaySeconds: values.MAIL_RETRY_DELAY_SECONDS,
    reminderMinutes: values.REMINDER_MINUTES,
    reminderSweepIntervalMs: values.REMINDER_SWEEP_INTERVAL_MS,
    defaultTimeZone: values.DEFAULT_TIME_ZONE,
  };
}

function jitsiTokenProblem(values: Values): string | null {
  const { JITSI_APP_ID: appId, JITSI_APP_SECRET: secret, JITSI_PRIVATE_KEY: key, JITSI_KID: kid } = values;
  if (!appId && !secret && !key && !kid) return null;
  if (!appId) return 'JITSI_APP_ID: required with JITSI_APP_SECRET or JITSI_PRIVATE_KEY';
  if (secret && key) return 'JITSI_APP_SECRET and JITSI_PRIVATE_KEY: set one, not both';
  if (!secret && !key) return 'JITSI_APP_SECRET or JITSI_PRIVATE_KEY: one is required with JITSI_APP_ID';
  if (key && !kid) return 'JITSI_KID: required with JITSI_PRIVATE_KEY';
  return null;
}

function jitsiTokenConfig(values: Values): JitsiTokenConfig | undefined {
  const appId = values.JITSI_APP_ID;
  if (!appId) return undefined;
  const audience = values.JITSI_AUDIENCE;
  if (values.JITSI_PRIVATE_KEY) {
    // PEM keys often arrive in one line with literal "\n"s from environment files.
    const privateKey = values.JITSI_PRIVATE_KEY.replaceAll('\\n', '\n');
    return {
      kind: 'jaas',
      appId,
      privateKey,
      keyId: values.JITSI_KID!,
      issuer: values.JITSI_ISSUER ?? 'chat',
      audience,
      subject: values.JITSI_SUBJECT ?? appId,
    };
  }
  const subject = values.JITSI_SUBJECT ?? values.JITSI_DOMAIN;
  return { kind: 'shared-secret', appId, secret: values.JITSI_APP_SECRET!, issuer: values.JITSI_ISSUER ?? appId, audience, subject };
}
