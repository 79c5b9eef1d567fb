import type { ClientMetricDef } from '../catalog/client-metrics.ts';

interface Series {
  labels: Record<string, string>;
  /** Counter: the total. Histogram: observations per bucket (not cumulative), +Inf last. */
  counts: Float64Array;
  sum: number;
}

interface Sample {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

/**
 * One catalog metric, recorded on the ingest path with a Map lookup and a few additions, and
 * rendered by prom-client's registry (`registerMetric`) like any other metric. prom-client's own
 * Counter and Histogram re-hash the label object on every call, which on a 500-event beacon was
 * most of the aggregator's time. Labels reach here only after the catalog check.
 */
export class CatalogMetric {
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();
  readonly name: string;
  private readonly def: ClientMetricDef;
  private readonly labelNames: string[];
  private readonly buckets: readonly number[];

  constructor(name: string, def: ClientMetricDef) {
    this.name = name;
    this.def = def;
    this.labelNames = Object.keys(def.labels);
    this.buckets = def.type === 'histogram' ? def.buckets : [];
  }

  get type(): 'counter' | 'histogram' {
    return this.def.type;
  }

  get help(): string {
    return this.def.help;
  }

  /** A counter's increment or a histogram's observation. */
  record(labels: Record<string, string>, value: number): void {
    const names = this.labelNames;
    let key = '';
    for (let i = 0; i < names.length; i += 1) key += `${labels[names[i]!]}\u0001`;
    let series = this.series.get(key);
    if (!series) {
      const copy: Record<string, string> = {};
      for (const name of names) copy[name] = labels[name]!;
      series = { labels: copy, counts: new Float64Array(this.buckets.length + 1), sum: 0 };
      this.series.set(key, series);
    }
    if (this.def.type === 'counter') {
      series.counts[0]! += value;
      return;
    }
    const buckets = this.buckets;
    let i = 0;
    while (i < buckets.length && value > buckets[i]!) i += 1;
    series.counts[i]! += 1;
    series.sum += value;
  }

  /** prom-client's Metric contract: what the registry renders at scrape time. */
  get(): { name: string; help: string; type: string; aggregator: string; values: Sample[] } {
    const values: Sample[] = [];
    for (const { labels, counts, sum } of this.series.values()) {
      if (this.def.type === 'counter') {
        values.push({ value: counts[0]!, labels });
        continue;
      }
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += counts[i]!;
        values.push({
          value: cumulative,
          labels: { le, ...labels },
          metricName: `${this.name}_bucket`,
        });
      });
      cumulative += counts[this.buckets.length]!;
      values.push({
        value: cumulative,
        labels: { le: '+Inf', ...labels },
        metricName: `${this.name}_bucket`,
      });
      values.push({ value: sum, labels, metricName: `${this.name}_sum` });
      values.push({ value: cumulative, labels, metricName: `${this.name}_count` });
    }
    return {
      name: this.name,
      help: this.def.help,
      type: this.def.type,
      aggregator: this.aggregator,
      values,
    };
  }

  reset(): void {
    this.series.clear();
  }
}
