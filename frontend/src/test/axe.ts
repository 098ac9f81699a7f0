import axe from 'axe-core';

/**
 * axe-core's serious and critical findings in the rendered DOM (jsdom). Colour contrast needs a
 * real layout engine and is left to the browser tests (e2e/a11y.e2e.ts) and contrast.test.ts.
 */
export async function seriousViolations(root: Element = document.body): Promise<string[]> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`));
}
