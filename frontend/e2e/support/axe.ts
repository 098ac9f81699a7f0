import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { RESULTS_DIR } from './env';

/** What axe-core found on one screen, one line per problem at serious or critical impact. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  mkdirSync(RESULTS_DIR, { recursive: true });
  // The whole report (every impact) for a reader who wants the minor findings too.
  writeFileSync(`${RESULTS_DIR}axe-${screen}.json`, JSON.stringify(results.violations, null, 2));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}`));
}
