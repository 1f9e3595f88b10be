#!/usr/bin/env node
// Runs `pnpm audit --audit-level high`. Fails on any high or critical advisory. When the registry in use does
// not offer the audit endpoint (some mirrors answer 405), says so plainly and goes on, rather than failing
// every test run for a reason no code change can fix.
import { spawnSync } from 'node:child_process';

const run = spawnSync('pnpm', ['audit', '--audit-level', 'high'], { encoding: 'utf8' });
const output = `${run.stdout}${run.stderr}`;
if (run.status === 0) {
  process.stdout.write(output);
  process.exit(0);
}
if (/ERR_PNPM_AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(output)) {
  console.warn(
    'audit: the registry offers no audit endpoint here; dependencies were NOT audited in this run.',
  );
  console.warn(output.trim().split('\n').slice(-2).join('\n'));
  process.exit(0);
}
process.stdout.write(output);
process.exit(run.status ?? 1);
