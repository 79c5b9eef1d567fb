/**
 * prom-client's default metrics that every service removes from its registry: gauges it also
 * exports under a `_total` name, which `promtool check metrics` rejects (only counters end in
 * `_total`). The same values stay available without the suffix.
 */
export const PROMTOOL_REJECTED_DEFAULT_METRICS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
] as const;
