import type { ResultsClasses } from './classes.ts';

export interface Stat {
  label: string;
  value: string;
}

/** Key figures as plain text next to a chart (real text, so screen readers get them as is). */
export function StatList({ stats, classes }: { stats: readonly Stat[]; classes: ResultsClasses }) {
  return (
    <dl className={classes.stats}>
      {stats.map((stat) => (
        <div key={stat.label} className={classes.stat}>
          <dt className={classes.statLabel}>{stat.label}</dt>
          <dd className={classes.statValue}>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
