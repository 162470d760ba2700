import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent.
 * Left alone, V8 picks the factor from the machine's memory: with many gigabytes it lets the heap grow to
 * about four times the live data before collecting, and the pages it used stay resident. Under the
 * trajectory benchmark a live heap of ~40 MB swelled to ~170 MB (peak RSS 315–330 MB); at 50 % the peak
 * RSS was 203–218 MB, for about 1.5 % more time in full collections (docs/operator-guide.md).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies HEAP_GROWING_PERCENT to this process, unless node was started with its own
 * --heap-growing-percent. Set in code so that every way of starting the server gets it; V8 reads the
 * flag each time it sets the next limit after a full collection, so setting it at start takes effect.
 */
export function limitHeapGrowth() {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
    a.includes('heap-growing-percent'),
  );
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
