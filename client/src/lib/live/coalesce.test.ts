import { describe, expect, test, vi } from 'vitest';
import { coalesce } from './coalesce';

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesce', () => {
  test('requests in one turn share one run', async () => {
    const task = vi.fn();
    const request = coalesce(task);
    for (let i = 0; i < 50; i++) request();
    expect(task).not.toHaveBeenCalled();
    await turn();
    expect(task).toHaveBeenCalledOnce();
  });

  test('requests while a run is in flight make exactly one more run after it', async () => {
    let release: () => void = () => {};
    const task = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const request = coalesce(task);
    request();
    await turn();
    for (let i = 0; i < 10; i++) request();
    release();
    await vi.waitFor(() => expect(task).toHaveBeenCalledTimes(2));
    release();
    await turn();
    await turn();
    expect(task).toHaveBeenCalledTimes(2);
  });

  test('a failing run does not stop the next', async () => {
    const task = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const request = coalesce(task);
    request();
    await turn();
    await turn();
    request();
    await vi.waitFor(() => expect(task).toHaveBeenCalledTimes(2));
  });
});
