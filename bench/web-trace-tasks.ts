/**
 * Attributes a page's main-thread tasks from a Lighthouse trace (bench/web-trace.ts writes them):
 * each task of at least `minMs` observed, from navigation start, with what it spent its time on
 * (event names, scripts by URL, and the biggest children). Observed time: Lighthouse's simulated
 * mobile figures are roughly 4× these on this machine.
 *
 * Usage: node bench/web-trace-tasks.ts trace.json [minMs=8]
 */
import { readFileSync } from 'node:fs';
import { MainThreadTasks as LighthouseTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor as LighthouseTraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';

interface TraceEvent {
  name: string;
  ts: number;
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}
interface TaskNode {
  event: TraceEvent;
  startTime: number;
  duration: number;
  selfTime: number;
  children: TaskNode[];
  parent?: TaskNode;
}

function label(task: TaskNode): string {
  const data = task.event.args?.data ?? task.event.args?.beginData ?? {};
  const url = typeof data.url === 'string' ? data.url : '';
  const fn = typeof data.functionName === 'string' ? data.functionName : '';
  const where = url.replace(/^https?:\/\/[^/]+/, '').slice(-60);
  return [task.event.name, fn, where].filter((part) => part !== '').join(' ');
}

/** Self time per label in the task's tree. */
function selfTimes(task: TaskNode, into = new Map<string, number>()): Map<string, number> {
  into.set(label(task), (into.get(label(task)) ?? 0) + task.selfTime);
  for (const child of task.children) selfTimes(child, into);
  return into;
}

/** What this file uses of Lighthouse's trace processing (its types need Lighthouse's globals). */
interface ProcessedTrace {
  mainThreadEvents: TraceEvent[];
  frames: Array<{ id: string; url: string }>;
  timestamps: { timeOrigin: number; traceEnd: number };
}
const TraceProcessor = LighthouseTraceProcessor as unknown as {
  processTrace(trace: unknown): ProcessedTrace;
  processNavigation(trace: ProcessedTrace): { timestamps: { firstContentfulPaint?: number } };
};
const MainThreadTasks = LighthouseTasks as unknown as {
  getMainThreadTasks(
    events: TraceEvent[],
    frames: ProcessedTrace['frames'],
    traceEnd: number,
    traceStart: number,
  ): TaskNode[];
};

export function describeTasks(trace: unknown, minMs = 8): string[] {
  const processed = TraceProcessor.processTrace(trace);
  const navigation = TraceProcessor.processNavigation(processed);
  const tasks = MainThreadTasks.getMainThreadTasks(
    processed.mainThreadEvents,
    processed.frames,
    processed.timestamps.traceEnd,
    processed.timestamps.timeOrigin,
  );
  const lines = [
    `FCP ${((navigation.timestamps.firstContentfulPaint ?? 0) - processed.timestamps.timeOrigin) / 1000} ms observed`,
  ];
  for (const task of tasks) {
    if (task.parent || task.duration < minMs) continue;
    lines.push(`task ${task.duration.toFixed(1)} ms at ${task.startTime.toFixed(0)} ms`);
    const top = [...selfTimes(task)].sort((a, b) => b[1] - a[1]).slice(0, 6);
    for (const [name, ms] of top)
      if (ms >= 1) lines.push(`    ${ms.toFixed(1).padStart(6)} ms  ${name}`);
  }
  return lines;
}

if (import.meta.main) {
  const [file, minMs = '8'] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/web-trace-tasks.ts trace.json [minMs]');
  console.log(describeTasks(JSON.parse(readFileSync(file, 'utf8')), Number(minMs)).join('\n'));
}
