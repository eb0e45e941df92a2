/** SMTP_URL read as nodemailer options: TLS as the scheme says, credentials never sent in clear to another machine. */
import { describe, expect, it } from 'vitest';
import { smtpTransport, transportOptions } from '../../../../server/services/alerts/mail-sender.ts';

describe('SMTP settings', () => {
  it('smtps:// is TLS from the start on 465', () => {
    expect(transportOptions('smtps://a:b%40c@mail.example.com', 5000)).toMatchObject({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: 'a', pass: 'b@c' },
    });
  });

  it('smtp:// with credentials requires STARTTLS, except to this machine', () => {
    expect(transportOptions('smtp://a:b@mail.example.com', 5000)).toMatchObject({ port: 587, secure: false, requireTLS: true });
    expect(transportOptions('smtp://a:b@127.0.0.1:2525', 5000)).toMatchObject({ port: 2525, requireTLS: false });
    expect(transportOptions('smtp://relay.example.com:25', 5000)).toMatchObject({ requireTLS: false });
    expect(transportOptions('smtp://relay.example.com:25', 5000)).not.toHaveProperty('auth');
  });

  it('describes the server without credentials and removes them from error text', () => {
    const t = smtpTransport({ smtpUrl: 'smtp://alerts:s3cret-pass@mail.example.com:587', from: 'a@b.c' }, 1000);
    expect(t.describe).toBe('smtp://mail.example.com:587');
    expect(t.redact('535 auth failed for alerts with s3cret-pass')).toBe('535 auth failed for *** with ***');
  });
});
