import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LatencySummary, round } from './stats.ts';
import { findWrk, runWrk, type WrkSummary, wrkScript } from './wrk.ts';

/** One HTTP load measurement: the same request (optionally rotating over paths) from N connections. */
export interface LoadSpec {
  /** Origin only, e.g. http://127.0.0.1:3000 */
  origin: string;
  method: 'GET' | 'POST';
  /** Requests rotate over these paths; each wrk thread goes round them from its own starting point. */
  paths: string[];
  headers?: Record<string, string>;
  body?: string;
  /** Per path, headers added to `headers` (see WrkRequest). */
  pathHeaders?: Record<string, string>[];
  /** Replaced in the body by a new random UUID on every request (see WrkRequest). */
  uuidPlaceholder?: string;
  connections: number;
  durationS: number;
  warmupS: number;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  /** Successful responses (status below 400, in time) per second. */
  rps: number;
  ok: number;
  /** Of every response wrk timed (see wrk.ts), including failed ones. */
  latencyMs: LatencySummary;
  /** Socket errors: connect, read and write. */
  errors: number;
  timeouts: number;
  /** Responses with status 400 or above (wrk counts statuses no finer). */
  non2xx: number;
  /** False when more than 1 % of the requests failed: the figures then say nothing about the server. */
  valid: boolean;
}

/**
 * Runs wrk for a warm-up (discarded), then for the measurement: `-t min(2,N) -c N`, HTTP/1.1 keep-alive
 * without pipelining, a generated Lua script that rotates over the paths.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const bin = findWrk();
  const threads = Math.min(2, spec.connections);
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bedring-wrk-'));
  try {
    const scriptFile = path.join(dir, 'load.lua');
    const request = {
      method: spec.method,
      paths: spec.paths,
      headers,
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      ...(spec.pathHeaders ? { pathHeaders: spec.pathHeaders } : {}),
      ...(spec.uuidPlaceholder !== undefined ? { uuidPlaceholder: spec.uuidPlaceholder } : {}),
    };
    writeFileSync(scriptFile, wrkScript(request, spec.connections, threads));
    const run = {
      bin,
      origin: spec.origin,
      firstPath: spec.paths[0] ?? '/',
      scriptFile,
      connections: spec.connections,
      threads,
    };
    if (spec.warmupS > 0) await runWrk({ ...run, durationS: spec.warmupS });
    return toResult(spec.connections, await runWrk({ ...run, durationS: spec.durationS }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function toResult(connections: number, w: WrkSummary): LoadResult {
  const seconds = w.durationUs / 1e6;
  const errors = w.errors.connect + w.errors.read + w.errors.write;
  const ok = Math.max(0, w.requests - w.errors.status - w.errors.timeout);
  const failed = errors + w.errors.timeout + w.errors.status;
  const ms = (us: number) => (w.samples > 0 ? round(us / 1000) : Number.NaN);
  return {
    connections,
    durationS: round(seconds, 2),
    rps: round(ok / seconds, 1),
    ok,
    latencyMs: {
      p50: ms(w.latencyUs.p50),
      p90: ms(w.latencyUs.p90),
      p95: ms(w.latencyUs.p95),
      p99: ms(w.latencyUs.p99),
      mean: ms(w.latencyUs.mean),
      max: ms(w.latencyUs.max),
    },
    errors,
    timeouts: w.errors.timeout,
    non2xx: w.errors.status,
    valid: ok > 0 && failed <= ok * 0.01,
  };
}
