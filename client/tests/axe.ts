import axe from 'axe-core';

/**
 * Runs axe-core on a mounted component's element and returns the violations, formatted for a
 * readable failure message. Colour contrast cannot be computed without layout (happy-dom), so it is
 * checked in the e2e suite in a real browser instead.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
