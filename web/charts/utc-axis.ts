/**
 * A UTC time axis, PURE: what d3's scaleUtc gives (position, nice ticks, a tick format that names the
 * coarsest unit that changed), built from d3-time and d3-time-format directly. d3-scale ships as one
 * module, so a page's scaleUtc would drag d3-time and d3-time-format (≈10 kB gzip) into the chunk every
 * page with a linear scale shares, the portfolio's first load included; built here, they load only with
 * the page that draws a time axis.
 */
import { scaleLinear } from 'd3-scale';
import { utcDay, utcHour, utcMinute, utcMonth, utcSecond, utcTicks, utcWeek, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';

const formatMillisecond = utcFormat('.%L');
const formatSecond = utcFormat(':%S');
const formatMinute = utcFormat('%I:%M');
const formatHour = utcFormat('%I %p');
const formatDay = utcFormat('%a %d');
const formatWeek = utcFormat('%b %d');
const formatMonth = utcFormat('%B');
const formatYear = utcFormat('%Y');

/** d3-scale's multi-scale UTC tick format: the year on a year's first tick, the month on a month's, and so on. */
export function utcTickFormat(date: Date): string {
  const f =
    utcSecond(date) < date
      ? formatMillisecond
      : utcMinute(date) < date
        ? formatSecond
        : utcHour(date) < date
          ? formatMinute
          : utcDay(date) < date
            ? formatHour
            : utcMonth(date) < date
              ? utcWeek(date) < date
                ? formatDay
                : formatWeek
              : utcYear(date) < date
                ? formatMonth
                : formatYear;
  return f(date);
}

export interface UtcAxis {
  /** Position of a moment on the range. */
  (d: Date): number;
  /** About `count` nice ticks across the domain (d3's utcTicks). */
  ticks(count: number): Date[];
}

/** A linear map from the moments [from, to] onto [r0, r1], with calendar ticks. */
export function utcAxis(from: Date, to: Date, [r0, r1]: readonly [number, number]): UtcAxis {
  const x = scaleLinear([from.getTime(), to.getTime()], [r0, r1]);
  return Object.assign((d: Date) => x(d.getTime()), { ticks: (count: number) => utcTicks(from, to, count) });
}
