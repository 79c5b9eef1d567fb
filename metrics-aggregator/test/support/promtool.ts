import { spawn } from 'node:child_process';

/**
 * `promtool check metrics` (Debian `prometheus`) on an exposition: resolves with its verdict.
 * Exit 0 means valid and lint-clean.
 */
export function promtoolCheckMetrics(text: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', (error) =>
      reject(new Error(`promtool not runnable (apt-get install prometheus): ${error.message}`)),
    );
    child.once('close', (code) => resolve({ ok: code === 0, output }));
    child.stdin.end(text);
  });
}
