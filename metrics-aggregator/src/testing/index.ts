/**
 * `@classpulse/metrics-aggregator/testing`: real Prometheus on loopback for tests (this
 * package's scrape test and k8s/'s live alert pipeline), from the Debian packages, and signed
 * page tokens for tests that send beacons.
 */
export { freePort, startLoopbackDaemon, type LoopbackDaemon } from './loopback-daemon.ts';
export { startPrometheus, type PrometheusOptions, type RunningPrometheus } from './prometheus.ts';
export { TEST_PAGE_TOKEN_SECRET, testPageToken } from './page-tokens.ts';
