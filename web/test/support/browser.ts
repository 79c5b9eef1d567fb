import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags this machine needs: headless as root, and no network beyond loopback. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core in the page. `evaluate` goes through DevTools, so the page's CSP (which rightly
 * blocks injected scripts) does not need loosening for the test.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const first = await runAxe(page);
  if (first.length === 0) return first;
  // A page in the middle of a client-side refresh can be caught between two states (Next
  // streams a dynamic page's <title> in after its content): what is wrong stays wrong once the
  // page has settled, so only what a second look still finds counts.
  await page.waitForTimeout(500);
  return runAxe(page);
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page
    .waitForFunction('document.title !== ""', undefined, { timeout: 5_000 })
    .catch(() => {});
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails, naming each one, when axe finds a serious or critical violation on the page. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    [],
    `axe found serious violations on ${what}`,
  );
}

/** How many pixels the page scrolls sideways (0: it fits the viewport's width). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
