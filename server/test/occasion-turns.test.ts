import { expect, test } from 'vitest';
import { inOccasionTurn } from '../src/invitations/occasion-turns.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/*
 * A rush of answers to one occasion used to hold a pooled connection each while waiting for the occasion's row
 * lock: past the pool's size the rest failed with "timeout exceeded when trying to connect" (seen with 50
 * registrations on a loaded machine). Answers now take turns per occasion before they take a connection.
 */
test('answers to one occasion run one at a time, in the order they arrived', async () => {
  let running = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      inOccasionTurn('occasion-1', async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        order.push(i);
        running--;
      }),
    ),
  );
  expect(most).toBe(1);
  expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
});

test('different occasions do not wait for each other, and a failed answer does not stop the next', async () => {
  const started: string[] = [];
  let release!: () => void;
  const held = inOccasionTurn('occasion-a', () => new Promise<void>((resolve) => (release = resolve)));
  await inOccasionTurn('occasion-b', async () => void started.push('b'));
  expect(started).toEqual(['b']);
  release();
  await held;
  await expect(inOccasionTurn('occasion-a', () => Promise.reject(new Error('refused')))).rejects.toThrow(
    'refused',
  );
  await expect(inOccasionTurn('occasion-a', async () => 'next')).resolves.toBe('next');
});
