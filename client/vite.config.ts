import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { precompress } from './build/precompress';

// SAMVERKA_API lets the client run against a server on another port (default: the server's 4000).
const api = process.env.SAMVERKA_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [vue(), precompress()],
  define: {
    // vue-i18n feature flags: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': { target: api },
      '/dokument': { target: api },
      '^/kalender.*\\.ics$': { target: api },
      '^/dialog.*\\.(ics|atom)$': { target: api },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': { target: api },
      '/dokument': { target: api },
      '^/kalender.*\\.ics$': { target: api },
      '^/dialog.*\\.(ics|atom)$': { target: api },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'build/**/*.test.ts'],
  },
});
