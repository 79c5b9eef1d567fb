import { spawnSync } from 'node:child_process';

/** The value of one series (labels in declaration order, as prom-client prints them); 0 if absent. */
export function sample(text: string, series: string): number {
  for (const line of text.split('\n')) {
    const space = line.lastIndexOf(' ');
    if (!line.startsWith('#') && line.slice(0, space) === series)
      return Number(line.slice(space + 1));
  }
  return 0;
}

/** `promtool check metrics` (Debian `prometheus`): null when the exposition is valid, else why. */
export function promtoolProblems(text: string): string | null {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error)
    throw new Error(`promtool not runnable (apt-get install prometheus): ${result.error.message}`);
  return result.status === 0 ? null : `${result.stdout}${result.stderr}`;
}
