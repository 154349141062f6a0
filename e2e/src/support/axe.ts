import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.1 level A and AA, the level Italian public websites must meet. */
const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Runs axe-core in the page and returns its violations. The app's Content Security Policy refuses
 * inline scripts, so a `<script>` tag with axe's source would be blocked; evaluating the source
 * through the DevTools protocol is not subject to the policy and leaves the page unchanged.
 */
export async function findAccessibilityViolations(page: Page): Promise<Result[]> {
  const alreadyLoaded = await page.evaluate(() => 'axe' in window)
  if (!alreadyLoaded) await page.evaluate(axeSource)
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_21_AA_TAGS,
  )
  return results.violations
}

/** A readable report: one block per rule, listing the offending elements and what to fix. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n')
      return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`
    })
    .join('\n\n')
}
