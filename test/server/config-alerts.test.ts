/** Alert settings: SMTP_URL and MAIL_FROM (e-mail off when unset), WEBHOOK_ALLOW, the outbox's pacing. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { parseAllowlist } from '../../server/services/alerts/target-check.ts';

describe('alert settings', () => {
  it('leave e-mail off and nothing allow-listed by default', () => {
    expect(loadConfig({}).alerts).toEqual({
      smtpUrl: null,
      mailFrom: null,
      webhookAllow: '',
      webhookTimeoutSeconds: 10,
      deliveryPollSeconds: 10,
      deliveryRetrySeconds: 30,
      deliveryMaxAttempts: 8,
    });
  });

  it('read SMTP_URL, MAIL_FROM, WEBHOOK_ALLOW and the pacing', () => {
    const c = loadConfig({
      SMTP_URL: 'smtps://alerts:p%40ss@mail.example.com:465',
      MAIL_FROM: 'Vendorscope <alerts@example.com>',
      WEBHOOK_ALLOW: '127.0.0.1, hooks.internal ,10.0.0.0/8,fd12::/16',
      DELIVERY_POLL_SECONDS: '0.5',
      DELIVERY_RETRY_SECONDS: '5',
      DELIVERY_MAX_ATTEMPTS: '3',
    }).alerts;
    expect(c).toMatchObject({
      smtpUrl: 'smtps://alerts:p%40ss@mail.example.com:465',
      mailFrom: 'Vendorscope <alerts@example.com>',
      deliveryPollSeconds: 0.5,
      deliveryMaxAttempts: 3,
    });
    const allow = parseAllowlist(c.webhookAllow);
    expect([...allow.hosts]).toEqual(['hooks.internal']);
    expect(allow.nets.check('10.9.9.9', 'ipv4')).toBe(true);
    expect(allow.nets.check('127.0.0.1', 'ipv4')).toBe(true);
    expect(allow.nets.check('fd12::1', 'ipv6')).toBe(true);
    expect(allow.nets.check('192.168.0.1', 'ipv4')).toBe(false);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'a@b.c' }, /SMTP_URL must be smtp/],
    [{ SMTP_URL: 'smtp://mail.example.com' }, /MAIL_FROM/],
    [{ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'not an address' }, /MAIL_FROM must be an e-mail address/],
    [{ WEBHOOK_ALLOW: 'hooks.internal/8' }, /WEBHOOK_ALLOW/],
    [{ WEBHOOK_ALLOW: '10.0.0.0/99' }, /prefix/],
    [{ DELIVERY_MAX_ATTEMPTS: '2.5' }, /DELIVERY_MAX_ATTEMPTS/],
    [{ DELIVERY_RETRY_SECONDS: '0' }, /DELIVERY_RETRY_SECONDS/],
  ])('refuse %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeat the SMTP credentials in an error', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://user:hunter2-secret@mail.example.com', MAIL_FROM: 'a@b.c' })).toThrow(/^(?!.*hunter2-secret)/s);
  });
});
