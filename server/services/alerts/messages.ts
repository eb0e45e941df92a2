/** The words of an alert: links into the app, mail text and HTML, Slack blocks. Pure. */
import type { Change } from '../../domain/change.ts';

/** Where the app shows a change: the vendor's page, at the evidence its ref names (incident:12 → #incident-12). */
export function linkOf(c: Pick<Change, 'vendorId' | 'ref'>): string {
  if (c.vendorId === null) return '/';
  return `/vendors/${c.vendorId}${c.ref ? `#${c.ref.replace(/[^a-zA-Z0-9_-]+/g, '-')}` : ''}`;
}

export const absolute = (base: string | null, path: string): string => (base ? `${base.replace(/\/+$/, '')}${path}` : path);

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** One line of a change: vendor, what happened, the day. */
export const lineOf = (c: Change): string => `${c.vendorName}: ${c.title} (${c.day})`;

export interface Mail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export function mailOf(changes: readonly Change[], base: string | null, digestDay: string | null): Mail {
  const subject =
    digestDay !== null ? `Vendorscope: ${changes.length} change${changes.length === 1 ? '' : 's'} on ${digestDay}` : `Vendorscope: ${lineOf(changes[0]!)}`;
  const intro = digestDay !== null ? `What changed on ${digestDay} that your watch rules asked for:` : 'A change your watch rules asked for:';
  const text = [
    intro,
    '',
    ...changes.map((c) => `- ${lineOf(c)}\n  ${absolute(base, linkOf(c))}`),
    '',
    `Change your watch rules: ${absolute(base, '/account')}`,
  ].join('\n');
  const items = changes.map(
    (c) => `<li><a href="${escapeHtml(absolute(base, linkOf(c)))}">${escapeHtml(c.vendorName)}</a>: ${escapeHtml(c.title)} (${escapeHtml(c.day)})</li>`,
  );
  const html = `<p>${escapeHtml(intro)}</p><ul>${items.join('')}</ul><p><a href="${escapeHtml(absolute(base, '/account'))}">Change your watch rules</a></p>`;
  return { subject, text, html };
}

/** Slack's mrkdwn needs &, < and > escaped. */
const slackEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A body for a Slack incoming webhook: `text` (the notification's fallback) and one section block. */
export function slackOf(c: Change, base: string | null): { text: string; blocks: unknown[] } {
  const link = absolute(base, linkOf(c));
  const linked = /^https?:\/\//.test(link) ? `<${link}|${slackEscape(c.vendorName)}>` : `*${slackEscape(c.vendorName)}*`;
  return {
    text: `Vendorscope: ${lineOf(c)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${linked}: ${slackEscape(c.title)}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${c.kind} · ${c.day}` }] },
    ],
  };
}
