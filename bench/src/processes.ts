import type { ChildProcess } from 'node:child_process';

/** Every process the benchmark started and that still runs, so that an aborted run can end them. */
const running = new Set<ChildProcess>();

export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Ends every process the benchmark started that still runs (by its own handle, never by name). */
export function killStarted() {
  for (const child of running) child.kill('SIGKILL');
}
