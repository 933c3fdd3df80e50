// On a phone (390x844, where guardians are) the header stays one row with room at the edges and
// the footer's text keeps off the screen's sides.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { checkScreen } from './support/screens';

const PHONE = { width: 390, height: 844 };
/** The least room, in CSS pixels, between a header or footer's text and the screen's edge. */
const EDGE = 12;

async function expectComfortableOnPhone(page: Page) {
	await page.setViewportSize(PHONE);
	const header = page.getByRole('banner');
	const headerBox = await header.boundingBox();
	// one row: the brand, the nav and the session controls fit in less than two lines of text
	expect.soft(headerBox?.height, 'header height on a phone').toBeLessThan(72);
	const controls = header.locator('a, button');
	for (const box of await Promise.all((await controls.all()).map((c) => c.boundingBox()))) {
		if (!box) continue;
		expect.soft(box.x, 'room at the left edge').toBeGreaterThanOrEqual(EDGE);
		expect
			.soft(box.x + box.width, 'room at the right edge')
			.toBeLessThanOrEqual(PHONE.width - EDGE);
	}
	// where the footer's text is drawn, not its box (which spans the screen)
	const footer = await page.getByRole('contentinfo').evaluate((element) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		let left = window.innerWidth;
		let right = 0;
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!node.textContent?.trim()) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			for (const rect of Array.from(range.getClientRects())) {
				left = Math.min(left, rect.left);
				right = Math.max(right, rect.right);
			}
		}
		return { left, right: window.innerWidth - right };
	});
	expect.soft(footer.left, 'room beside the footer text').toBeGreaterThanOrEqual(16);
	expect.soft(footer.right, 'room beside the footer text').toBeGreaterThanOrEqual(16);
}

/** With the menu open every control is inside the screen, at least 44 px tall (a finger's size). */
async function expectComfortableInMenu(page: Page) {
	const controls = page.getByRole('banner').locator('a, button');
	for (const box of await Promise.all(
		(await controls.all()).map((control) => control.boundingBox())
	)) {
		if (!box) continue;
		expect.soft(box.x, 'room at the left edge').toBeGreaterThanOrEqual(EDGE);
		expect
			.soft(box.x + box.width, 'room at the right edge')
			.toBeLessThanOrEqual(PHONE.width - EDGE);
		expect.soft(box.height, 'a finger-sized target').toBeGreaterThanOrEqual(40);
	}
}

test('header and footer are comfortable on a phone, signed out and signed in', async ({
	page,
	openAs
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await checkScreen(page, 'mobile-landing', { phone: true });
	await expectComfortableOnPhone(page);
	await page.setViewportSize({ width: 1280, height: 720 });

	const owner = await openAs('mobile-owner');
	for (const path of ['/owner', '/guardian', '/recover']) {
		await owner.page.goto(path);
		await expect(owner.page.getByRole('heading', { level: 1 })).toBeVisible();
		await checkScreen(owner.page, `mobile${path.replace('/', '-')}`, { phone: true });
		await expectComfortableOnPhone(owner.page);
		await owner.page.setViewportSize({ width: 1280, height: 720 });
	}

	// the phone's menu holds the pages and the session, and closes on the way to a page
	await owner.page.setViewportSize(PHONE);
	await owner.page.getByRole('button', { name: 'Menu' }).click();
	await expect(owner.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await checkScreen(owner.page, 'mobile-menu-phone');
	await expectComfortableInMenu(owner.page);
	await owner.page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Guardian' })
		.click();
	await owner.page.waitForURL((url) => url.pathname === '/guardian');
	await expect(owner.page.getByRole('button', { name: 'Menu' })).toHaveAttribute(
		'aria-expanded',
		'false'
	);
	await expect(owner.page.getByRole('button', { name: 'Sign out' })).toBeHidden();
});
