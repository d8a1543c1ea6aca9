import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig } from './config';

const strongSecret = 's'.repeat(32);

describe('configuration', () => {
  it('has working defaults for development', () => {
    expect(loadConfig({})).toEqual({
      environment: 'development',
      port: 4000,
      databaseUrl: undefined,
      databasePoolMax: 10,
      databaseTimeouts: { connectMs: 5000, statementMs: 30000 },
      embeddedDatabasePort: 54329,
      dataDir: path.resolve('.amphi'),
      jwtSecret: undefined,
      jwtExpiresIn: '12h',
      jitsiDomain: 'meet.jit.si',
      redisUrl: undefined,
      eventRetentionHours: 72,
      eventPollIntervalMs: 5000,
      jitsiToken: undefined,
      limits: {
        maxDepth: 10,
        maxCost: 50_000,
        maxAliases: 15,
        maxTokens: 5000,
        maxConnectionsPerUser: 10,
        maxSubscriptionsPerConnection: 20,
        keepAliveMs: 12_000,
        maxUnsentBytes: 1024 * 1024,
        signInFailuresPerAccount: 10,
        signInAttemptsPerAddress: 100,
      },
      trustProxy: undefined,
      mail: {
        publicUrl: 'http://localhost:4000',
        smtpUrl: undefined,
        outboxDir: path.resolve('.amphi/outbox'),
        from: 'Amphi <no-reply@localhost>',
        retryLimit: 8,
        retryDelaySeconds: 30,
        reminderMinutes: 15,
        reminderSweepIntervalMs: 15_000,
        defaultTimeZone: 'UTC',
      },
      seedDemoData: true,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://amphi@db.internal:5432/amphi',
      DATABASE_POOL_MAX: '25',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '10000',
      DATA_DIR: '/var/lib/amphi',
      JWT_SECRET: strongSecret,
      JWT_EXPIRES_IN: '30m',
      JITSI_DOMAIN: 'meet.campus.example',
      REDIS_URL: 'redis://cache.internal:6379',
      EVENT_RETENTION_HOURS: '24',
      EVENT_POLL_INTERVAL_MS: '1000',
      PUBLIC_URL: 'https://amphi.campus.example/',
      SMTP_URL: 'smtp://amphi:secret@mail.campus.example:587',
      MAIL_FROM: 'Amphi <amphi@campus.example>',
      MAIL_RETRY_LIMIT: '3',
      MAIL_RETRY_DELAY_SECONDS: '60',
      REMINDER_MINUTES: '10',
      REMINDER_SWEEP_INTERVAL_MS: '5000',
      DEFAULT_TIME_ZONE: 'Europe/Paris',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      environment: 'production',
      port: 8080,
      databaseUrl: 'postgres://amphi@db.internal:5432/amphi',
      databasePoolMax: 25,
      databaseTimeouts: { connectMs: 2000, statementMs: 10000 },
      dataDir: '/var/lib/amphi',
      jwtSecret: strongSecret,
      jwtExpiresIn: '30m',
      jitsiDomain: 'meet.campus.example',
      redisUrl: 'redis://cache.internal:6379',
      eventRetentionHours: 24,
      eventPollIntervalMs: 1000,
      mail: {
        publicUrl: 'https://amphi.campus.example',
        smtpUrl: 'smtp://amphi:secret@mail.campus.example:587',
        outboxDir: '/var/lib/amphi/outbox',
        from: 'Amphi <amphi@campus.example>',
        retryLimit: 3,
        retryDelaySeconds: 60,
        reminderMinutes: 10,
        reminderSweepIntervalMs: 5000,
        defaultTimeZone: 'Europe/Paris',
      },
      seedDemoData: false,
      logLevel: 'warn',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 4000, databaseUrl: undefined });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/amphi' }],
    ['DATABASE_CONNECT_TIMEOUT_MS', { DATABASE_CONNECT_TIMEOUT_MS: '0' }],
    ['DATABASE_STATEMENT_TIMEOUT_MS', { DATABASE_STATEMENT_TIMEOUT_MS: '30s' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['JWT_EXPIRES_IN', { JWT_EXPIRES_IN: 'forever' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['EVENT_RETENTION_HOURS', { EVENT_RETENTION_HOURS: '0' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['SEED_DEMO_DATA', { SEED_DEMO_DATA: 'yes please' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'amphi.campus.example' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'https://amphi.campus.example/?x=1' }],
    ['SMTP_URL', { SMTP_URL: 'mail.campus.example:25' }],
    ['REMINDER_MINUTES', { REMINDER_MINUTES: '-5' }],
    ['MAIL_RETRY_DELAY_SECONDS', { MAIL_RETRY_DELAY_SECONDS: '0' }],
    ['DEFAULT_TIME_ZONE', { DEFAULT_TIME_ZONE: 'Paris' }],
  ])('refuses a bad %s, naming it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  - ${name}:`));
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigurationError).problems).toHaveLength(2);
    }
  });

  it('builds the Jitsi token settings: a shared secret, or a JaaS key with its id', () => {
    expect(loadConfig({ JITSI_APP_ID: 'amphi', JITSI_APP_SECRET: strongSecret, JITSI_DOMAIN: 'meet.campus.test' }).jitsiToken).toEqual({
      kind: 'shared-secret',
      appId: 'amphi',
      secret: strongSecret,
      issuer: 'amphi',
      audience: 'jitsi',
      subject: 'meet.campus.test',
    });
    const key = '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----';
    expect(loadConfig({ JITSI_APP_ID: 'vpaas-magic-cookie-1', JITSI_PRIVATE_KEY: key, JITSI_KID: 'vpaas-magic-cookie-1/k' }).jitsiToken).toEqual({
      kind: 'jaas',
      appId: 'vpaas-magic-cookie-1',
      privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
      keyId: 'vpaas-magic-cookie-1/k',
      issuer: 'chat',
      audience: 'jitsi',
      subject: 'vpaas-magic-cookie-1',
    });
  });

  it.each([
    ['JITSI_APP_ID', { JITSI_APP_SECRET: 's'.repeat(32) }],
    ['JITSI_APP_SECRET or JITSI_PRIVATE_KEY', { JITSI_APP_ID: 'amphi' }],
    [
      'JITSI_APP_SECRET and JITSI_PRIVATE_KEY',
      { JITSI_APP_ID: 'amphi', JITSI_APP_SECRET: 's'.repeat(32), JITSI_PRIVATE_KEY: 'PRIVATE KEY', JITSI_KID: 'k' },
    ],
    ['JITSI_KID', { JITSI_APP_ID: 'amphi', JITSI_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----' }],
  ])('refuses incomplete Jitsi token settings, naming %s', (name, env) => {
    expect(() => loadConfig(env)).toThrow(`  - ${name}:`);
  });

  it('requires a JWT secret in production, and refuses demo accounts there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret, SEED_DEMO_DATA: 'true' })).toThrow(/SEED_DEMO_DATA/);
  });

  it('requires the public address in production, for the links in mail and calendar feeds', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret })).toThrow(/PUBLIC_URL: required in production/);
  });
});
