import type { OpenDataset, RequestKind } from './dataset.ts';
import { runLoad } from './http-load.ts';
import { runPgbench } from './pgbench.ts';

/** The diagnostic run without prepared statements is made at this concurrency only. */
export const DIAGNOSTIC_CLIENTS = 8;

/** The deadline board is measured at these concurrencies (its target is at 8). */
export const BOARD_CLIENTS = [1, 8];

/**
 * What a run measures: all by default; BENCH_ONLY=board (or read, write, response, trajectory, checkin, sweep,
 * comma-separated) for less.
 */
export type Measured =
  | 'read'
  | 'write'
  | 'board'
  | 'response'
  | 'trajectory'
  | 'checkin'
  | 'sweep'
  | 'journal'
  | 'start';

/** The journal and the start page are measured at the concurrency of their targets only. */
export const TARGET_CLIENTS = 8;

export interface Timing {
  connections: number[];
  durationS: number;
  warmupS: number;
}

/**
 * Measures every database, interleaved: at each concurrency the API and then pgbench on one database,
 * then the same on the next. Each ratio (API against its ceiling, large database against small) thus
 * compares measurements taken minutes apart at most, under the same conditions on a shared machine.
 * All reads come before all writes, because the writes add ratings to the persons the reads fetch (and
 * questionnaire responses to the persons whose trajectories are read).
 */
export async function measureAll(
  datasets: OpenDataset[],
  opts: { timing: Timing; pgbench: string; log: (msg: string) => void; only: ReadonlySet<Measured> },
) {
  if (opts.only.has('read')) await measureKind(datasets, 'read', opts);
  if (opts.only.has('trajectory')) await measureKind(datasets, 'trajectory', opts);
  if (opts.only.has('board')) await measureBoard(datasets, opts);
  if (opts.only.has('journal')) await measureAtTarget(datasets, 'journal', opts);
  if (opts.only.has('start')) {
    await measureAtTarget(datasets, 'start', opts);
    await measureAtTarget(datasets, 'pinned', opts);
  }
  if (opts.only.has('write')) await measureKind(datasets, 'write', opts);
  if (opts.only.has('response')) await measureKind(datasets, 'response', opts);
  if (opts.only.has('checkin')) await measureKind(datasets, 'checkin', opts);
  if (opts.only.has('journal')) await measureAtTarget(datasets, 'note', opts);
  if (opts.only.has('sweep')) await measureSweep(datasets, opts);
}

/**
 * The signal sweep as the unit leader (docs/benchmarks.md): sequential runs, one client, for the
 * measurement's duration; a latency target, so no pgbench ceiling. After the check-ins, whose writes
 * its reset removes first, so it reads the same history on every database and run.
 */
async function measureSweep(datasets: OpenDataset[], opts: { timing: Timing; log: (msg: string) => void }) {
  const { durationS, warmupS } = opts.timing;
  for (const ds of datasets) {
    if (!ds.sweep) continue;
    const { reset, ...http } = ds.sweep;
    opts.log(`${ds.persons} persons, signal sweep c=1: API …`);
    await reset();
    ds.sweepResult = await runLoad({ ...http, connections: 1, durationS, warmupS });
  }
}

/**
 * The deadline board, on the database(s) prepared for it (the largest): the API as `leder`, then pgbench
 * doing the same, at each concurrency. Measured after the reads and before the writes; it writes only
 * audit events.
 */
async function measureBoard(
  datasets: OpenDataset[],
  opts: { timing: Timing; pgbench: string; log: (msg: string) => void },
) {
  const { durationS, warmupS } = opts.timing;
  for (const ds of datasets) {
    if (!ds.board || !ds.boardResult) continue;
    for (const clients of BOARD_CLIENTS) {
      const label = `${ds.persons} persons, deadline board c=${clients}`;
      opts.log(`${label}: API …`);
      ds.boardResult.api.push(await runLoad({ ...ds.board.http, connections: clients, durationS, warmupS }));
      opts.log(`${label}: pgbench …`);
      ds.boardResult.ceiling.push(
        await pgbench(opts.pgbench, ds, 'board', ds.board.script, clients, 'prepared', opts.timing),
      );
    }
  }
}

/** One kind of request, on the databases prepared for it, at its target's concurrency: the API, then pgbench. */
async function measureAtTarget(
  datasets: OpenDataset[],
  kind: RequestKind,
  opts: { timing: Timing; pgbench: string; log: (msg: string) => void },
) {
  const { durationS, warmupS } = opts.timing;
  for (const ds of datasets) {
    const request = ds.requests[kind];
    if (!request) continue;
    const label = `${ds.persons} persons, ${kind} c=${TARGET_CLIENTS}`;
    opts.log(`${label}: API …`);
    ds.results[kind].api.push(
      await runLoad({ ...request.http, connections: TARGET_CLIENTS, durationS, warmupS }),
    );
    opts.log(`${label}: pgbench …`);
    ds.results[kind].ceiling.push(
      await pgbench(opts.pgbench, ds, kind, request.script, TARGET_CLIENTS, 'prepared', opts.timing),
    );
  }
}

/**
 * One kind of request on every database, interleaved per concurrency; then the unprepared diagnostic. A
 * request with a reset has it run before each measurement.
 */
async function measureKind(
  datasets: OpenDataset[],
  kind: RequestKind,
  opts: { timing: Timing; pgbench: string; log: (msg: string) => void },
) {
  const { connections, durationS, warmupS } = opts.timing;
  for (const clients of connections) {
    for (const ds of datasets) {
      const request = ds.requests[kind];
      if (!request) continue;
      const label = `${ds.persons} persons, ${kind} c=${clients}`;
      opts.log(`${label}: API …`);
      await request.reset?.();
      ds.results[kind].api.push(await runLoad({ ...request.http, connections: clients, durationS, warmupS }));
      opts.log(`${label}: pgbench …`);
      await request.reset?.();
      ds.results[kind].ceiling.push(
        await pgbench(opts.pgbench, ds, kind, request.script, clients, 'prepared', opts.timing),
      );
    }
  }
  for (const ds of datasets) {
    const request = ds.requests[kind];
    if (!request) continue;
    opts.log(`${ds.persons} persons, ${kind} c=${DIAGNOSTIC_CLIENTS}: pgbench without prepared statements …`);
    await request.reset?.();
    ds.results[kind].unprepared = await pgbench(
      opts.pgbench,
      ds,
      kind,
      request.script,
      DIAGNOSTIC_CLIENTS,
      'extended',
      opts.timing,
    );
  }
}

function pgbench(
  bin: string,
  ds: OpenDataset,
  kind: RequestKind | 'board',
  script: string,
  clients: number,
  mode: 'prepared' | 'extended',
  timing: Timing,
) {
  return runPgbench({
    bin,
    access: ds.access,
    script,
    name: kind,
    clients,
    durationS: timing.durationS,
    warmupS: timing.warmupS,
    workDir: ds.dataDir,
    mode,
  });
}
