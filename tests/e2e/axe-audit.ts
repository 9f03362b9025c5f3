/* axe-core in an extension page (issue 17), shared by the accessibility and layout specs. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HarnessPage } from './harness/harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Rules whose moderate findings are explained in docs/accessibility.md (none for now). */
export const EXPLAINED = new Set<string>([]);

export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe's violations in the page; its source is evaluated outside the page's CSP (an injected <script> is refused). */
export async function audit(page: HarnessPage): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluateSource(AXE_SOURCE);
  return page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axe-core's global, brought in above
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

/** What must not be there: anything critical or serious, and any other finding not explained. */
export function unacceptable(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.impact === 'critical' || f.impact === 'serious' || !EXPLAINED.has(f.id));
}
