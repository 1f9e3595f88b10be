import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (.br, best quality) and a gzip (.gz) copy beside every compressible file in `dir`, once, at
 * build time, so the server only picks a file per request (server/src/http/static-client.ts).
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    if (!COMPRESSIBLE.test(name) || !(await stat(file)).isFile()) continue;
    const content = await readFile(file);
    if (content.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    written.push(name);
  }
  return written;
}

/** The Vite plugin: precompresses the build's hashed assets after they are written. */
export function precompress(): Plugin {
  let assetsDir = '';
  return {
    name: 'samverka-precompress',
    apply: 'build',
    configResolved(config) {
      assetsDir = path.resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    async closeBundle() {
      await precompressDir(assetsDir);
    },
  };
}
