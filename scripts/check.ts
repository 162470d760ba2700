import { sideBySide } from './side-by-side.ts';

/** `npm run check`: both typechecks (server side and web app) and the lint, side by side. */
const failed = await sideBySide([
  {
    title: 'Typecheck (domain, contract, server, e2e, bench, scripts)',
    cmd: 'npx',
    args: ['tsc', '-p', 'tsconfig.json'],
  },
  { title: 'Typecheck (web app)', cmd: 'npx', args: ['tsc', '-p', 'packages/web'] },
  { title: 'Lint and format', cmd: 'npx', args: ['biome', 'check', '.'] },
]);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join('; ')}`);
  process.exit(1);
}
