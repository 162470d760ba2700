import type { LoadSpec } from './http-load.ts';

/** An HTTP request and the pgbench script doing the same in the database. */
export interface PreparedRequest {
  http: Omit<LoadSpec, 'connections' | 'durationS' | 'warmupS'>;
  script: string;
  /** Run before each measurement of the request (API or pgbench), to start each from the same data. */
  reset?: () => Promise<void>;
}
