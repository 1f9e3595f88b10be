// @vitest-environment node
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { precompressDir } from './precompress';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

test('every compressible asset gets a brotli and a gzip copy with the same content; small ones do not', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'samverka-assets-'));
  const script = `export const text = ${JSON.stringify('Aktuell punkt. '.repeat(500))};`;
  await writeFile(path.join(dir, 'LivePage-a1B2c3D4.js'), script);
  await writeFile(path.join(dir, 'tiny-a1B2c3D4.css'), 'a{}');
  await writeFile(path.join(dir, 'photo-a1B2c3D4.png'), Buffer.alloc(4096));

  expect(await precompressDir(dir)).toEqual(['LivePage-a1B2c3D4.js']);
  expect((await readdir(dir)).sort()).toEqual([
    'LivePage-a1B2c3D4.js',
    'LivePage-a1B2c3D4.js.br',
    'LivePage-a1B2c3D4.js.gz',
    'photo-a1B2c3D4.png',
    'tiny-a1B2c3D4.css',
  ]);
  const br = await readFile(path.join(dir, 'LivePage-a1B2c3D4.js.br'));
  const gz = await readFile(path.join(dir, 'LivePage-a1B2c3D4.js.gz'));
  expect(zlib.brotliDecompressSync(br).toString()).toBe(script);
  expect(zlib.gunzipSync(gz).toString()).toBe(script);
  expect(br.length).toBeLessThan(script.length / 10);
});
