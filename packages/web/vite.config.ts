import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const SERVICE_WORKER = 'sw.js';

/**
 * The service worker (src/offline/sw.ts) is a second entry, written to dist/sw.js without a hash
 * (its URL must stay the same). After the build has written its files, this writes into it the list
 * of files to keep for offline use and a version made from their contents: a new build is a new
 * worker, with a new cache, and never serves the previous build's JS (ADR 0008).
 */
function serviceWorkerBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'bedring-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const files = listFiles(outDir).filter((f) => f !== SERVICE_WORKER);
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(path.join(outDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      const swPath = path.join(outDir, SERVICE_WORKER);
      const code = readFileSync(swPath, 'utf8');
      const list = /(['"`])__BEDRING_SW_PRECACHE__\1/;
      if (!list.test(code) || !code.includes('__BEDRING_SW_VERSION__')) {
        throw new Error('sw.js: the precache placeholders are missing');
      }
      const precache = files.map((f) => JSON.stringify(`/${f}`)).join(',');
      writeFileSync(swPath, code.replace(list, precache).replaceAll('__BEDRING_SW_VERSION__', version));
    },
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

// No React plugin: Vite's own Oxc transform compiles TSX with React's automatic JSX runtime.
// The server serves dist/ at / under a strict CSP (script-src 'self', style-src 'self'), so the
// build must not inline scripts or styles: CSS goes to its own file and no module preload polyfill
// is injected inline.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [serviceWorkerBuild()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      input: { index: 'index.html', sw: 'src/offline/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? SERVICE_WORKER : 'assets/[name]-[hash].js'),
      },
      // React Query marks its modules "use client" for server components; meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3222' } },
});
