// The harness itself, before any story relies on it: the app built for devnet can talk to it
// (CSP and CORS), devnet's clock moves on request, and test anchors look as the stories expect.
import { expect, test } from './fixtures';
import { DEVICE_ALIASES, devnetTimeNs } from './support/devnet';
import { seriousViolations } from './support/screens';

test('the app built for devnet may connect to it under its Content Security Policy', async ({
	page,
	world
}) => {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	await page.goto('/');
	const status = await page.evaluate(async (url) => {
		const response = await fetch(new URL('/api/v2/status', url));
		return response.status;
	}, world.devnetUrl);
	expect(status).toBe(200);
	// and nothing else is allowed: a host the policy does not name is refused
	const other = await page.evaluate(() =>
		fetch('http://127.0.0.1:9/api/v2/status').then(
			() => 'connected',
			() => 'refused'
		)
	);
	expect(other).toBe('refused');
	expect(refused.join('\n')).toContain('127.0.0.1:9');
});

test("devnet's clock moves forward on request and the people's browser clocks do not", async ({
	world,
	openAs,
	advanceClock
}) => {
	const devnetMs = async () => Number((await devnetTimeNs(world)) / 1_000_000n);
	const visitor = await openAs('clock-visitor', { signedIn: false });
	await visitor.page.goto('/');
	const browserMs = () => visitor.page.evaluate(() => Date.now());
	const before = { devnet: await devnetMs(), browser: await browserMs() };
	const after = await advanceClock(10 * 60_000);
	expect(after.getTime() - before.devnet).toBeGreaterThanOrEqual(10 * 60_000);
	expect(await devnetMs()).toBeGreaterThanOrEqual(after.getTime());
	// the browser keeps the machine's time, as a person's does: the app must cope
	const browserNow = await browserMs();
	expect(browserNow - before.browser).toBeLessThan(10 * 60_000);
	expect(Math.abs(browserNow - Date.now())).toBeLessThan(60_000);
	expect((await devnetMs()) - browserNow).toBeGreaterThanOrEqual(10 * 60_000 - 60_000);
});

test('a test anchor has the owner device, the unprotected phrase and the attacker device', async ({
	createAnchor
}) => {
	const anchor = await createAnchor('harness');
	expect(anchor.number).toBeGreaterThanOrEqual(10_000n);
	expect(anchor.words).toHaveLength(24);
	const devices = await anchor.devices();
	const byAlias = new Map(devices.map((device) => [device.alias, device]));
	expect([...byAlias.keys()].sort()).toEqual(Object.values(DEVICE_ALIASES).sort());
	const phrase = byAlias.get(DEVICE_ALIASES.phrase);
	expect(phrase?.key_type).toEqual({ seed_phrase: null });
	expect(phrase?.protection).toEqual({ unprotected: null });
	expect(Buffer.from(phrase?.pubkey ?? [])).toEqual(Buffer.from(anchor.phraseKey.publicKeyDer));
	// one anchor per label: II refuses the same keys on a second anchor
	await expect(createAnchor('harness')).rejects.toThrow();
});

test('the accessibility check finds serious violations when there are some', async ({ page }) => {
	await page.setContent(
		'<main><h1>Bad page</h1><button></button><p style="color:#eee;background:#fff">faint</p></main>'
	);
	const found = (await seriousViolations(page)).join('\n');
	expect(found).toContain('button-name');
	expect(found).toContain('color-contrast');
});
