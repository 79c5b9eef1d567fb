import type { CLIENT_METRICS } from '@classpulse/metrics-aggregator/catalog';
import { SCHOOL_CLOCK_METRICS } from '@classpulse/metrics-aggregator/school-clock';

/**
 * "Today's loads so far against the same local time 7 days ago", per app: the question the old
 * business alert asked, kept on the classroom-health dashboard (the alert now compares 20 and 5
 * minute windows). The panel's relative time is `now/d`, so Grafana sends `$__range` = the time
 * since local midnight in the dashboard's time zone (the manifests set it to the schools' zone)
 * and evaluates these instant queries now.
 *
 * Prometheus only knows UTC, so "7 days ago" comes from the aggregator's school clock: the same
 * local time a week back is 169 h back in the week after the clocks fell back, 167 h after they
 * sprang forward, else 168 h (`dst_shift{weeks_ago="1"}` is 3600, -3600 or 0; 168 h when the
 * gauge is missing, as in the rules). Last week's window must start at last week's local midnight
 * and end at last week's same local time; the two ends can lie on different sides of a clock
 * change (the day of a change and the same weekday a week later), so the window is taken at the
 * shift local midnight had (read `offset $__range`), and the end is then moved by the hour the
 * shift changed by since midnight. Queries are built here so the test can replay them through
 * promtool; k8s/dashboards/classroom-health.json holds them verbatim.
 */

const LOADS_METRIC: keyof typeof CLIENT_METRICS = 'classroom_app_loads_total';
const LOADS = `${LOADS_METRIC}{outcome="success", app=~"$app"}`;
const HOURS_PER_WEEK = 168;
const SHIFT_A_WEEK_AGO = `${SCHOOL_CLOCK_METRICS.dstShift}{weeks_ago="1"}`;
/** The school clock's shift for a week back, now and as it read at local midnight. */
const SHIFT_NOW = `max(${SHIFT_A_WEEK_AGO})`;
const SHIFT_AT_MIDNIGHT = `max(${SHIFT_A_WEEK_AGO} offset $__range)`;
/** Midnight's shift, or now's when the clock was not scraped then (a new deployment). */
const SHIFT_OF_WINDOW = `(${SHIFT_AT_MIDNIGHT} or ${SHIFT_NOW})`;

const indent = (text: string, spaces = 2) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/** Successful loads per app in `range` ending `hoursBack` hours ago. */
const loadsIn = (range: string, hoursBack: number) =>
  `sum by (app) (increase(${LOADS}[${range}] offset ${hoursBack}h))`;

/** Today's successful loads per app since local midnight. */
export const TODAY_SO_FAR = `sum by (app) (increase(${LOADS}[$__range]))`;

/** Last week's loads from local midnight, over as long a window as today's, chosen by the shift. */
const lastWeekFromMidnight = [
  `${loadsIn('$__range', HOURS_PER_WEEK + 1)}\nand on () (${SHIFT_OF_WINDOW} == 3600)`,
  `${loadsIn('$__range', HOURS_PER_WEEK - 1)}\nand on () (${SHIFT_OF_WINDOW} == -3600)`,
  `${loadsIn('$__range', HOURS_PER_WEEK)}\nunless on () (abs(${SHIFT_OF_WINDOW}) == 3600)`,
].join('\nor\n');

/**
 * The hour between where that window ends and last week's same local time now, signed: added
 * when the shift grew since midnight (the window ends an hour early), taken away when it shrank.
 * It ends at the nearer of the two ends, 168 h + the smaller shift back. Nothing when the shift
 * did not change (every day but two a year) or either reading is missing.
 */
const SMALLER_SHIFT = `(${SHIFT_AT_MIDNIGHT} < ${SHIFT_NOW} or ${SHIFT_NOW})`;
const clockChangeHour = [
  '(',
  indent(
    [
      `${loadsIn('1h', HOURS_PER_WEEK - 1)}\nand on () (${SMALLER_SHIFT} == -3600)`,
      `${loadsIn('1h', HOURS_PER_WEEK)}\nand on () (${SMALLER_SHIFT} == 0)`,
    ].join('\nor\n'),
  ),
  ')',
  '* on () group_left ()',
  `((${SHIFT_AT_MIDNIGHT} - ${SHIFT_NOW}) / 3600 != 0)`,
].join('\n');

/** Successful loads per app on the same weekday last week, from local midnight to this local time. */
export const SAME_LOCAL_TIME_7_DAYS_AGO = [
  'sum by (app) (',
  indent(
    [
      '(',
      indent(lastWeekFromMidnight),
      ')',
      'or',
      'label_replace(',
      indent(`${clockChangeHour},\n"part", "clock change hour", "", ""`),
      ')',
    ].join('\n'),
  ),
  ')',
].join('\n');

/**
 * Today so far over the same local time 7 days ago. No series today counts as zero loads (an
 * outage since midnight is 0%, not a blank); nothing a week ago leaves no ratio to show.
 */
export const RATIO_TO_7_DAYS_AGO = [
  '(',
  indent(TODAY_SO_FAR),
  '  or',
  indent(`0 * ${SAME_LOCAL_TIME_7_DAYS_AGO}`),
  ')',
  '/ on (app)',
  '(',
  indent(SAME_LOCAL_TIME_7_DAYS_AGO),
  '  > 0',
  ')',
].join('\n');

/** The panel's queries by refId, as classroom-health.json holds them. */
export const TODAY_SO_FAR_QUERIES = {
  A: TODAY_SO_FAR,
  B: SAME_LOCAL_TIME_7_DAYS_AGO,
  C: RATIO_TO_7_DAYS_AGO,
} as const;

/** Its title in classroom-health.json (tests find the panel by it). */
export const TODAY_SO_FAR_PANEL = 'Today so far against the same local time 7 days ago, by app';
