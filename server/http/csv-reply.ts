/** A CSV download: the right content type, and a file name with the day. */
import { Reply } from './route.ts';

export const csvReply = (csv: string, name: string, day: string): Reply =>
  new Reply(200, csv, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}-${day}.csv"` });
