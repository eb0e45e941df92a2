/**
 * The due list as an iCalendar feed (RFC 5545), PURE: one all-day event per vendor on its review
 * date (or today, when a vendor is flagged or has never been reviewed), so review dates land in
 * people's calendars. Lines end in CRLF and fold at 75 octets; text values are escaped.
 */
import { dayNumber, isoDay } from '../../domain/partial-date.ts';
import type { DueItem } from './reviews-service.ts';
import type { DueQuestionnaire } from '../../domain/questionnaire-api.ts';

const STATE_WORDS = { 'review-needed': 'Re-review needed', overdue: 'Overdue review', due: 'Review due', ok: 'Review' } as const;

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks (CRLF, LF, or a lone CR, which would end the content line). */
export const escapeText = (s: string): string => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space (§3.1). */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a multi-byte character: back up to the start of one.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space counts
  }
  return parts.join('\r\n ');
}

const basicDate = (day: string) => day.replaceAll('-', '');
const nextDay = (day: string) => isoDay(dayNumber(day) + 1);
const stamp = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

export interface CalendarOptions {
  /** When the feed was made (DTSTAMP). */
  readonly now: string;
  readonly today: string;
  /** The app's origin, for links to vendor pages and stable UIDs; null when unknown. */
  readonly origin: string | null;
  readonly host: string;
}

/** `questionnaires`: overdue questionnaire requests, each an event today until the answers come. */
export function dueCalendar(items: readonly DueItem[], o: CalendarOptions, questionnaires: readonly DueQuestionnaire[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vendorscope//Review due list//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Vendorscope reviews',
  ];
  for (const it of items) {
    const day = it.nextReviewOn !== null && it.nextReviewOn >= o.today && it.state !== 'review-needed' ? it.nextReviewOn : o.today;
    const why = it.reasons.map((r) => `- ${r.text}`).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:review-${it.vendorId}@${o.host}`,
      `DTSTAMP:${stamp(o.now)}`,
      `DTSTART;VALUE=DATE:${basicDate(day)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(day))}`,
      `SUMMARY:${escapeText(`${STATE_WORDS[it.state]}: ${it.name} (tier ${it.tier})`)}`,
      `DESCRIPTION:${escapeText(`${why}${it.businessOwner ? `\nOwner: ${it.businessOwner}` : ''}`)}`,
      ...(o.origin ? [`URL:${o.origin}/vendors/${it.vendorId}`] : []),
      `CATEGORIES:${escapeText(it.state)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  for (const q of questionnaires) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:questionnaire-${q.requestId}@${o.host}`,
      `DTSTAMP:${stamp(o.now)}`,
      `DTSTART;VALUE=DATE:${basicDate(o.today)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(o.today))}`,
      `SUMMARY:${escapeText(`Questionnaire overdue: ${q.vendorName} (tier ${q.tier})`)}`,
      `DESCRIPTION:${escapeText(`Request ${q.requestId} to ${q.contactName} was due ${q.dueOn} (${q.daysOverdue} day${q.daysOverdue === 1 ? '' : 's'} ago).${q.businessOwner ? `\nOwner: ${q.businessOwner}` : ''}`)}`,
      ...(o.origin ? [`URL:${o.origin}/vendors/${q.vendorId}`] : []),
      'CATEGORIES:questionnaire-overdue',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  // Evidence lapsing within the due-soon window: an event on the day it lapses, apart from the review's.
  for (const it of items) {
    for (const r of it.reasons) {
      if (r.code !== 'evidence-expiring' || r.on === undefined || r.ref === null) continue;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${r.ref.replace(':', '-')}-expires@${o.host}`,
        `DTSTAMP:${stamp(o.now)}`,
        `DTSTART;VALUE=DATE:${basicDate(r.on)}`,
        `DTEND;VALUE=DATE:${basicDate(nextDay(r.on))}`,
        `SUMMARY:${escapeText(`Evidence expires: ${it.name} (tier ${it.tier})`)}`,
        `DESCRIPTION:${escapeText(r.text)}`,
        ...(o.origin ? [`URL:${o.origin}/vendors/${it.vendorId}`] : []),
        'CATEGORIES:evidence-expiring',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
