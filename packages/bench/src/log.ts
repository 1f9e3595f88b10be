/** Progress and diagnostics go to stderr; stdout carries only the JSON figure lines. */
const started = performance.now();

export function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

/** Prints one figure set as a single JSON line on stdout. */
export function emit(bench: string, figures: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ bench, ...figures }) + '\n');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
