import { defineConfig } from 'vite';

// No React plugin: Vite's own Oxc transform compiles TSX with React's automatic JSX runtime.
// The server serves dist/ at / under a strict CSP (script-src 'self', style-src 'self'), so the
// build must not inline scripts or styles: CSS goes to its own file and no module preload polyfill
// is injected inline.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      // React Query marks its modules "use client" for server components; meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3222' } },
});
