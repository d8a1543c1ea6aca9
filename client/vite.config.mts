import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.AMPHI_API_URL ?? 'http://localhost:4000';

/** In development, /graphiql answers with the GraphiQL page, as the server does in production. */
function graphiqlPath(): Plugin {
  return {
    name: 'amphi-graphiql-path',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/graphiql' || request.url?.startsWith('/graphiql?')) {
          request.url = request.url.replace('/graphiql', '/graphiql/');
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: clientRoot,
  plugins: [react(), graphiqlPath()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is large by nature; it only loads on /graphiql.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('graphiql/index.html', import.meta.url)),
      },
      output: {
        // What the app and GraphiQL share, in chunks whose names say what they hold.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'graphql', test: /node_modules[\\/](graphql|graphql-ws)[\\/]/ },
          ],
        },
      },
      onwarn(warning, warn) {
        // GraphiQL's packages carry React Compiler directives that bundling drops, harmlessly.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  optimizeDeps: {
    // These import Monaco's workers with `?worker`, which only Vite itself (not the pre-bundler) understands.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      '/healthz': { target: apiTarget },
    },
  },
});
