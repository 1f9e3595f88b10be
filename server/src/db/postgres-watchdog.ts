/**
 * The program PostgreSQL runs under (`node -e`, arguments: postgres binary, uid, gid, postgres arguments). It
 * stops PostgreSQL with a fast shutdown when its stdin closes, which happens when the server asks or dies,
 * however it dies, and exits when PostgreSQL exits, which tells the server that PostgreSQL is gone.
 */
export const WATCHDOG_SOURCE = `
const { spawn } = require('node:child_process');
const [bin, uid, gid, ...args] = process.argv.slice(1);
const ids = uid ? { uid: Number(uid), gid: Number(gid) } : {};
const postgres = spawn(bin, args, { ...ids, stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => postgres.kill('SIGINT');
postgres.on('exit', (code) => process.exit(code ?? 1));
postgres.on('error', () => process.exit(1));
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
`;
