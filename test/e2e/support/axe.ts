import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core, injected into the page as a script (the npm package ships the browser build). */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now; returns the serious and critical violations (WCAG 2.x A and AA rules). */
export async function axeViolations(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe !== "undefined"'))) {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses inline scripts.
    await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  }
  const result = await page.evaluate<{
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  );
  return result.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}
