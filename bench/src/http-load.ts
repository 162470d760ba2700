import autocannon, { type RequestParams } from 'autocannon';
import { type LatencySummary, round, summarize } from './stats.ts';

/** One HTTP load measurement: the same request (optionally rotating over paths) from N connections. */
export interface LoadSpec {
  /** Origin only, e.g. http://127.0.0.1:3000 */
  origin: string;
  method: 'GET' | 'POST';
  /** Requests rotate over these paths, one after the other across all connections. */
  paths: string[];
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationS: number;
  warmupS: number;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  /** Successful (2xx) responses per second. */
  rps: number;
  ok: number;
  latencyMs: LatencySummary;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** False when more than 1 % of the requests failed: the figures then say nothing about the server. */
  valid: boolean;
}

/** Runs a warm-up (discarded), then the measurement; latency percentiles are exact, from every 2xx response. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmupS > 0) await fire(spec, spec.warmupS, null);
  const samples: number[] = [];
  const result = await fire(spec, spec.durationS, samples);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  const ok = result['2xx'];
  const failed = result.errors + result.timeouts + result.non2xx;
  return {
    connections: spec.connections,
    durationS: result.duration,
    rps: round(ok / result.duration, 1),
    ok,
    latencyMs: summarize(samples),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    valid: ok > 0 && failed <= ok * 0.01,
  };
}

async function fire(spec: LoadSpec, durationS: number, samples: number[] | null) {
  let next = 0;
  const rotate = (req: RequestParams): RequestParams => {
    const path = spec.paths[next % spec.paths.length]!;
    next += 1;
    return { ...req, path };
  };
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: durationS,
    timeout: 10,
    method: spec.method,
    headers,
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    requests: [{ setupRequest: rotate }],
  });
  if (samples) {
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(ms);
    });
  }
  return await instance;
}
