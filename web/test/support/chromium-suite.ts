import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

export interface ChromiumSuite {
  readonly stack: Stack;
  readonly browser: Browser;
}

/**
 * For a describe() of Chromium tests against the whole local stack: starts the stack and
 * Chromium before its tests and stops both after them. Call it in the describe's body; read
 * `stack` and `browser` from inside hooks and tests, once they are running.
 */
export function chromiumSuite(start: () => Promise<Stack> = () => startStack()): ChromiumSuite {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  before(async () => {
    stack = await start();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });
  return {
    get stack() {
      assert.ok(stack, 'the stack is read before it started');
      return stack;
    },
    get browser() {
      assert.ok(browser, 'Chromium is read before it started');
      return browser;
    },
  };
}
