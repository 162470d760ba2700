import { spawn } from 'node:child_process';
import path from 'node:path';

export interface Step {
  title: string;
  cmd: string;
  args: string[];
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * Runs steps at the same time (on two cores, two typechecks side by side take little more than one)
 * and prints each one's output whole when it ends, so that they do not interleave. Resolves to the
 * titles of the steps that failed. Asynchronous, so that a database child of the caller keeps having
 * its log pipe read meanwhile (scripts/test.ts).
 */
export async function sideBySide(steps: readonly Step[]): Promise<string[]> {
  const failed: string[] = [];
  await Promise.all(
    steps.map(
      (step) =>
        new Promise<void>((resolve) => {
          const started = Date.now();
          const child = spawn(step.cmd, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (d: Buffer) => {
            output += d.toString();
          });
          child.stderr.on('data', (d: Buffer) => {
            output += d.toString();
          });
          let ended = false;
          // A command that cannot start reports 'error' and then 'close': count it once.
          const end = (ok: boolean) => {
            if (ended) return;
            ended = true;
            if (!ok) failed.push(step.title);
            const took = Math.round((Date.now() - started) / 1000);
            console.log(`\n=== ${step.title} (${ok ? 'ok' : 'FAILED'}, ${took} s)\n${output.trimEnd()}`);
            resolve();
          };
          child.on('error', (err) => {
            output += String(err);
            end(false);
          });
          child.on('close', (code) => end(code === 0));
        }),
    ),
  );
  return failed;
}
