/**
 * Reads one sample from Prometheus text exposition: `name{labels}` exactly as the registry
 * prints it (labels in declaration order). 0 when the series is absent.
 */
export function sample(text: string, series: string): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    if (line.slice(0, space) === series) return Number(line.slice(space + 1));
  }
  return 0;
}

/** Every series of a metric family, summed (e.g. all buckets' counts via `_count`). */
export function sumOf(text: string, name: string): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
