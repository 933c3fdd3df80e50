// Accessibility check for component tests: no serious or critical axe-core violations.
import axe from 'axe-core';

export async function seriousViolations(container: Element): Promise<string[]> {
	const results = await axe.run(container, {
		// jsdom does no layout, so contrast cannot be measured here (the browser tests do it).
		rules: { 'color-contrast': { enabled: false } }
	});
	return results.violations
		.filter(({ impact }) => impact === 'serious' || impact === 'critical')
		.map(
			({ id, help, nodes }) => `${id}: ${help} (${nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
}
