import type { OpenDataset, RequestKind } from './dataset.ts';
import { runLoad } from './http-load.ts';
import { runPgbench } from './pgbench.ts';

/** The diagnostic run without prepared statements is made at this concurrency only. */
export const DIAGNOSTIC_CLIENTS = 8;

export interface Timing {
  connections: number[];
  durationS: number;
  warmupS: number;
}

/**
 * Measures every database, interleaved: at each concurrency the API and then pgbench on one database,
 * then the same on the next. Each ratio (API against its ceiling, large database against small) thus
 * compares measurements taken minutes apart at most, under the same conditions on a shared machine.
 * All reads come before all writes, because the writes add ratings to the persons the reads fetch.
 */
export async function measureAll(
  datasets: OpenDataset[],
  opts: { timing: Timing; pgbench: string; log: (msg: string) => void },
) {
  const { connections, durationS, warmupS } = opts.timing;
  for (const kind of ['read', 'write'] as RequestKind[]) {
    for (const clients of connections) {
      for (const ds of datasets) {
        const { http, script } = ds.requests[kind];
        const label = `${ds.persons} persons, ${kind} c=${clients}`;
        opts.log(`${label}: API …`);
        ds.results[kind].api.push(await runLoad({ ...http, connections: clients, durationS, warmupS }));
        opts.log(`${label}: pgbench …`);
        ds.results[kind].ceiling.push(
          await pgbench(opts.pgbench, ds, kind, script, clients, 'prepared', opts.timing),
        );
      }
    }
    for (const ds of datasets) {
      opts.log(
        `${ds.persons} persons, ${kind} c=${DIAGNOSTIC_CLIENTS}: pgbench without prepared statements …`,
      );
      ds.results[kind].unprepared = await pgbench(
        opts.pgbench,
        ds,
        kind,
        ds.requests[kind].script,
        DIAGNOSTIC_CLIENTS,
        'extended',
        opts.timing,
      );
    }
  }
}

function pgbench(
  bin: string,
  ds: OpenDataset,
  kind: RequestKind,
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
