/**
 * `@classpulse/metrics-aggregator/school-clock`: the schools' local time and calendar as
 * Prometheus sees them. The aggregator exposes it; k8s builds its rules and models its alert
 * tests from the same code.
 */
export {
  closedDatesSchema,
  DEFAULT_SCHOOL_CALENDAR,
  epochDay,
  isoDate,
  isSchoolDay,
  isTimeZone,
  MAX_CLOSED_RANGES,
  schoolDaysSchema,
  timeZoneSchema,
  WEEKDAY_NAMES,
  type SchoolCalendar,
} from './school-calendar.ts';
export {
  BASELINE_WEEKS,
  instantAtWallClock,
  readSchoolClock,
  SCHOOL_CLOCK_METRICS,
  SUPPORTED_DST_SHIFTS_SECONDS,
  utcOffsetMs,
  wallClockMs,
  type SchoolClockReading,
  type SchoolClockWeek,
} from './school-clock.ts';
