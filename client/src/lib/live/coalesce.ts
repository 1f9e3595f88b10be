/**
 * Turns a burst of requests into at most two runs of `task`: the first starts after the current turn of
 * the event loop (so events that arrive together, such as a replay, share it) and any request made while
 * it runs is served by one more run after it. Failures are the task's own to show.
 */
export function coalesce(task: () => unknown): () => void {
  let scheduled = false;
  let running = false;
  let again = false;

  async function run() {
    scheduled = false;
    running = true;
    try {
      await task();
    } catch {
      // The task shows its own failure (e.g. a query's error state).
    } finally {
      running = false;
      if (again) {
        again = false;
        request();
      }
    }
  }

  function request() {
    if (running) again = true;
    else if (!scheduled) {
      scheduled = true;
      setTimeout(run, 0);
    }
  }
  return request;
}
