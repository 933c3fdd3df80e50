// Every main screen is checked the same way: axe-core finds no serious or critical violation
// (colour contrast included: this is a real browser), and a screenshot is kept as an artifact.
import { expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SCREENSHOTS = 'artifacts/screenshots';
const PHONE = { width: 390, height: 844 };

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

interface AxeViolation {
	id: string;
	impact?: string | null;
	help: string;
	nodes: { target: unknown[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
	// Evaluated through DevTools, so the app's strict CSP does not block it (an inline
	// <script> would be refused, as it should be).
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(context: Document): Promise<unknown> } }).axe;
		const result = (await axe.run(document)) as { violations: AxeViolation[] };
		return result.violations;
	});
	return violations
		.filter(({ impact }) => impact === 'serious' || impact === 'critical')
		.map(
			({ id, help, nodes }) => `${id}: ${help} (${nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
}

/**
 * Checks the screen with axe (a soft assertion: the story goes on and the test still fails) and
 * keeps a full-page screenshot `<name>.png`, plus `<name>-phone.png` at a phone's width.
 */
export async function checkScreen(page: Page, name: string, options: { phone?: boolean } = {}) {
	// Right after a navigation the app may not have rendered yet (no title, no heading): check
	// the screen, not the empty document before it.
	await expect(page).toHaveTitle(/Tessera/);
	await expect(page.locator('h1')).toBeVisible();
	expect.soft(await seriousViolations(page), `axe-core on the ${name} screen`).toEqual([]);
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
	if (!options.phone) return;
	const desktop = page.viewportSize();
	await page.setViewportSize(PHONE);
	expect.soft(await seriousViolations(page), `axe-core on the ${name} screen (phone)`).toEqual([]);
	await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: true });
	if (desktop) await page.setViewportSize(desktop);
}
