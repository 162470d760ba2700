// Renders docs/benchmarks.md again from a raw result file: node bench/src/render.ts bench/results/<file>.json
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BenchResults, checkTargets, renderMarkdown } from './report.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/src/render.ts bench/results/<file>.json');
  process.exit(2);
}
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
const out = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');
writeFileSync(out, renderMarkdown(results, checkTargets(results)));
console.log(`wrote ${out}`);
