import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import type { RunningSamverka } from './app.js';

function fail(message: string): never {
  process.stderr.write(`samverka: ${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? `invalid configuration: ${error.message}` : String(error));
}

const log = createLogger(config.logLevel);
let running: RunningSamverka | null = null;
let stopping = false;

async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(code || 1), config.shutdownGraceMs + 10_000);
  force.unref();
  await running?.close();
  log.info('stopped');
  process.exit(code);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('uncaughtException', (error) => {
  log.fatal({ err: error.message, stack: error.stack }, 'uncaught exception');
  void shutdown('uncaughtException', 1);
});

try {
  // Loaded after the configuration is known to be good, so a bad value is reported without loading the server.
  const { startSamverka } = await import('./app.js');
  running = await startSamverka(config, log, (message) =>
    fail(`${message}; exiting so that a supervisor restarts the server`),
  );
} catch (error) {
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}
