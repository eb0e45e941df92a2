/** The e-mail that carries a response link to the vendor's contact. Pure; every text value is escaped in the HTML. */
import type { Mail } from '../alerts/messages.ts';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export interface RequestMailInput {
  readonly vendorName: string;
  readonly contactName: string;
  readonly dueOn: string;
  readonly linkExpiresOn: string | null;
  readonly message: string | null;
  readonly link: string;
}

export function requestMail(m: RequestMailInput): Mail {
  const subject = `Security questionnaire for ${m.vendorName}, due ${m.dueOn}`;
  const lines = [
    `Hello ${m.contactName},`,
    '',
    `we would like to ask ${m.vendorName} a few questions about its security. Please answer them by ${m.dueOn}:`,
    '',
    m.link,
    '',
    ...(m.message ? [m.message, ''] : []),
    `You need no account. You can save drafts and come back with the same link${m.linkExpiresOn ? ` until ${m.linkExpiresOn}` : ''}. Please do not forward it: whoever has it can answer for you.`,
  ];
  const html = [
    `<p>Hello ${escapeHtml(m.contactName)},</p>`,
    `<p>we would like to ask ${escapeHtml(m.vendorName)} a few questions about its security. Please answer them by ${escapeHtml(m.dueOn)}:</p>`,
    `<p><a href="${escapeHtml(m.link)}">Open the questionnaire</a></p>`,
    ...(m.message ? [`<p style="white-space: pre-wrap">${escapeHtml(m.message)}</p>`] : []),
    `<p>You need no account. You can save drafts and come back with the same link${m.linkExpiresOn ? ` until ${escapeHtml(m.linkExpiresOn)}` : ''}. Please do not forward it: whoever has it can answer for you.</p>`,
  ].join('\n');
  return { subject, text: lines.join('\n'), html };
}
