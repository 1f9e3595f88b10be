import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';

// The project brings its own Node.js: the root devDependency `node`. The machine's Node.js only runs pnpm.
const rootDir = new URL('../../', import.meta.url);
const pinned = (JSON.parse(fs.readFileSync(new URL('package.json', rootDir), 'utf8')) as PackageJson)
  .devDependencies.node;

interface PackageJson {
  devDependencies: Record<string, string>;
}

describe('runtime', () => {
  test('is Node.js 24 LTS, the version pinned in package.json', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(process.versions.node).toBe(pinned);
  });

  test('`node` on the PATH, which runs every script and bin, is the pinned one too', () => {
    const onPath = execFileSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    expect(onPath).toBe(pinned);
  });

  test('a signal sent to `node` on the PATH reaches Node.js itself, not a wrapper that would orphan it', async () => {
    // Exits by itself in 20 s, so that a process orphaned by a wrapper does not outlive a failing run for long.
    const script = `process.on('SIGTERM', () => { console.log('stopped'); process.exit(0); });
      setTimeout(() => process.exit(1), 20000); console.log('ready');`;
    const child = spawn('node', ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('ready')) resolve();
      }),
    );
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (code, signal) => resolve([code, signal])),
    );
    await ready;
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });

  test('pnpm checks engines against the pinned Node.js', () => {
    const workspace = fs.readFileSync(new URL('pnpm-workspace.yaml', rootDir), 'utf8');
    expect(/^nodeVersion: (\S+)$/m.exec(workspace)?.[1]).toBe(pinned);
  });
});
