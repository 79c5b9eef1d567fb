/**
 * What the pages reported, read from the metrics aggregator's /metrics: the sum of every series
 * of `name` whose labels include all of `labels`.
 */
export async function reported(
  metricsUrl: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${metricsUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const series = line.slice(0, line.lastIndexOf(' '));
    if (Object.entries(labels).every(([k, v]) => series.includes(`${k}="${v}"`)))
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** Polls until the reported value reaches `atLeast` (pages flush every 10 s and on leaving). */
export async function waitForReported(
  metricsUrl: string,
  name: string,
  labels: Record<string, string>,
  atLeast: number,
): Promise<number> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await reported(metricsUrl, name, labels);
    if (value >= atLeast) return value;
    if (Date.now() > deadline)
      throw new Error(`${name}${JSON.stringify(labels)} is ${value}, expected ≥ ${atLeast}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
