import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { serverPid } from '../support/server.js';

// The project brings its own Node.js (the root devDependency `node`); the machine's Node.js only runs pnpm.
const pinned = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.node;

test('Playwright runs on the pinned Node.js 24', () => {
  expect(process.versions.node.split('.')[0]).toBe('24');
  expect(process.versions.node).toBe(pinned);
});

test('the server under test runs on the pinned Node.js 24', () => {
  const binary = fs.readlinkSync(`/proc/${serverPid()}/exe`);
  expect(execFileSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()).toBe(pinned);
});
