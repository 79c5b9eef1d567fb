/**
 * Node flags for a benchmark's server processes, from the environment: BENCH_NODE_FLAGS (extra
 * Node/V8 flags, e.g. GC tuning or `--import tsx`) and BENCH_CPU_PROF=<dir> (a V8 CPU profile of
 * each server process, to find what limits it).
 */
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    ...(env.BENCH_NODE_FLAGS ? env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean) : []),
    ...(env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : []),
  ];
}
