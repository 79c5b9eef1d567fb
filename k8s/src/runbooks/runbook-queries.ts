import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readQuery, type MetricInfo } from '../dashboards/promql-check.ts';

/**
 * The queries on-call is told to run, read from the runbooks. The convention (k8s/README.md,
 * "Runbooks"): every query sits alone in a fenced ```promql block, as it is pasted into
 * Prometheus; a block may span lines. Prose may name a metric in backticks, but a selector,
 * function or aggregation in backticks or in another kind of block is a query hiding from the
 * test, and `strayQueries` reports it.
 */

export const RUNBOOKS_DIR = fileURLToPath(new URL('../../runbooks/', import.meta.url));

export interface RunbookQuery {
  /** The runbook's file name, `app-loads-below-usual.md`. */
  runbook: string;
  /** The 1-based line of the block's first query line. */
  line: number;
  query: string;
}

interface Fence {
  language: string;
  line: number;
  body: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/**
 * Fenced blocks, with the fence's indentation (a list item's) taken off their lines, and the
 * prose around them (the blocks' lines left empty, so offsets still give line numbers).
 */
function fences(text: string): { blocks: Fence[]; prose: string } {
  const lines = text.split('\n');
  const blocks: Fence[] = [];
  const prose = [...lines];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', marker = '', language = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) break;
      const line = lines[j]!;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ language: language.toLowerCase(), line: i + 2, body: body.join('\n') });
    prose.fill('', i, j + 1);
    i = j;
  }
  return { blocks, prose: prose.join('\n') };
}

/** Every ```promql block of one runbook's text, in order. */
export function queriesIn(runbook: string, text: string): RunbookQuery[] {
  return fences(text)
    .blocks.filter((block) => block.language === 'promql')
    .map((block) => ({ runbook, line: block.line, query: block.body.trim() }));
}

/** The runbooks' file names, in name order. */
export function runbookFiles(dir: string = RUNBOOKS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort();
}

/** Every ```promql block of every runbook in `dir`. */
export function loadRunbookQueries(dir: string = RUNBOOKS_DIR): RunbookQuery[] {
  return runbookFiles(dir).flatMap((file) =>
    queriesIn(file, readFileSync(join(dir, file), 'utf8')),
  );
}

/**
 * Queries outside ```promql blocks: an inline code span, or another block's body, that reads as
 * PromQL naming a known metric and is more than the bare name (a selector, a range, a function
 * or an aggregation around it). A bare metric name in prose is a mention, not a query.
 */
export function strayQueries(
  runbook: string,
  text: string,
  known: ReadonlyMap<string, MetricInfo>,
): RunbookQuery[] {
  const looksLikeQuery = (code: string) => {
    let metrics: string[];
    try {
      metrics = readQuery(code).selectors.map((s) => s.metric);
    } catch {
      return false; // not PromQL: a shell command, a label=value pair in prose
    }
    return metrics.some((m) => known.has(m)) && !known.has(code.trim());
  };
  const { blocks, prose } = fences(text);
  const stray: RunbookQuery[] = [];
  for (const block of blocks)
    if (block.language !== 'promql' && looksLikeQuery(block.body))
      stray.push({ runbook, line: block.line, query: block.body.trim() });
  // A code span may run over a line break, never over a blank line.
  for (const span of prose.matchAll(/(`+)((?:(?!\n\s*\n)[^`])+?)\1(?!`)/g))
    if (looksLikeQuery(span[2]!))
      stray.push({
        runbook,
        line: prose.slice(0, span.index).split('\n').length,
        query: span[2]!.replace(/\s+/g, ' ').trim(),
      });
  return stray;
}
