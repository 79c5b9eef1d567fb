/**
 * `@classpulse/metrics-aggregator/testing`: real Prometheus on loopback for tests (this
 * package's scrape test and k8s/'s live alert pipeline), from the Debian packages.
 */
export { freePort, startLoopbackDaemon, type LoopbackDaemon } from './loopback-daemon.ts';
export { startPrometheus, type PrometheusOptions, type RunningPrometheus } from './prometheus.ts';
