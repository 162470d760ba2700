import { readFileSync } from 'node:fs';

/** Resident memory of a process from /proc/<pid>/status, in MiB. */
export interface ProcessMemory {
  rssMb: number;
  /** VmHWM: the peak resident set since the process started. */
  hwmMb: number;
}

export function readMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Samples a process's resident memory while load runs and keeps the largest value seen. */
export class MemorySampler {
  maxRssMb = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly pid: number;

  constructor(pid: number) {
    this.pid = pid;
  }

  start(intervalMs = 250) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.maxRssMb;
  }

  private sample() {
    const m = readMemory(this.pid);
    if (m && m.rssMb > this.maxRssMb) this.maxRssMb = m.rssMb;
  }
}
