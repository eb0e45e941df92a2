/**
 * E-mail through SMTP (nodemailer). SMTP_URL carries the credentials (smtp://user:pass@host:587,
 * smtps://… for TLS from the start): they are never logged, and `redact` strips them from any error
 * text kept in the delivery log.
 */
import nodemailer from 'nodemailer';
import type { Mail } from './messages.ts';

export interface MailSettings {
  readonly smtpUrl: string;
  readonly from: string;
}

export interface MailTransport {
  send(to: string, mail: Mail): Promise<void>;
  /** Where mail goes, without credentials: for the start-up line. */
  readonly describe: string;
  /** Removes the credentials from a text (an error message) before it is stored or logged. */
  redact(text: string): string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/i;

/**
 * nodemailer's options for SMTP_URL. smtps:// is TLS from the start; smtp:// upgrades with STARTTLS
 * when the server offers it, and credentials are only ever sent over TLS (STARTTLS required), except
 * to a server on this machine (a local relay, the tests' receiver).
 */
export function transportOptions(smtpUrl: string, timeoutMs: number) {
  const url = new URL(smtpUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'smtps:';
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && url.username !== '' && !LOOPBACK.test(host),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

export function smtpTransport(settings: MailSettings, timeoutMs: number): MailTransport {
  const url = new URL(settings.smtpUrl);
  const secrets = [url.username, url.password, decodeURIComponent(url.username), decodeURIComponent(url.password), settings.smtpUrl].filter(
    (s) => s.length >= 3,
  );
  const transport = nodemailer.createTransport(transportOptions(settings.smtpUrl, timeoutMs));
  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  return {
    describe: `${url.protocol}//${url.host}`,
    redact,
    send: async (to, mail) => {
      await transport.sendMail({ from: settings.from, to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}
