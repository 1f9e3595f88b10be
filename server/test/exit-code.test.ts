import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

const EMBEDDED = path.resolve('src/db/embedded.ts');

/** Runs a script that has loaded the embedded database module, as the server and the test setup do. */
function run(script: string, signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(EMBEDDED)}); ${script}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (signal && stdout.includes('ready')) child.kill(signal);
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout })));
}

test('a process that loaded the embedded database keeps its own exit code (a failing test run fails)', async () => {
  expect((await run('process.exitCode = 3;')).code).toBe(3);
});

test("SIGTERM reaches the server's own handler, not a hook that exits at once", async () => {
  const { code, stdout } = await run(
    `process.on('SIGTERM', () => setTimeout(() => { console.log('drained'); process.exit(0); }, 200));
     setTimeout(() => process.exit(9), 20000); console.log('ready');`,
    'SIGTERM',
  );
  expect(stdout).toContain('drained');
  expect(code).toBe(0);
});
