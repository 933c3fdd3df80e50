import fc from 'fast-check';
import type { OpenIdInfo, WaysIn } from './ways-in';
import { describe, expect, test } from 'vitest';
import type { DeviceData as DeviceDataValue } from '@tessera/contract/internet-identity';
import type { AnchorDevices, DeviceInfo } from './devices';
import { IiError } from './errors';
import {
	describeStep,
	isFatal,
	MAX_DEVICES,
	planSweep,
	summarizeSweep,
	type StepOutcome,
	type SweepPlan
} from './sweep-plan';

const key = (n: number) => new Uint8Array([0x30, n]);

function device(n: number, overrides: Partial<DeviceInfo> = {}): DeviceInfo {
	return {
		pubkey: key(n),
		id: `30${n.toString(16).padStart(2, '0')}`,
		alias: `Device ${n}`,
		keyType: 'platform',
		kindLabel: 'Passkey',
		purpose: 'authentication',
		protected: false,
		isThisPhrase: false,
		isCaller: false,
		...overrides
	};
}

const phrase = (protectedPhrase: boolean) =>
	device(0, {
		alias: 'Recovery phrase',
		keyType: 'seed_phrase',
		purpose: 'recovery',
		protected: protectedPhrase,
		isThisPhrase: true,
		isCaller: true
	});

/** A listing as the device manager reads it: devices, and no other way in (identity_info). */
const listing = (
	devices: DeviceInfo[],
	waysIn: WaysIn = { openidCredentials: [] }
): AnchorDevices => ({
	anchor: 10_000n,
	devices,
	waysIn
});

const fresh = (n: number, keyType: DeviceDataValue['key_type'] = { browser_storage_key: null }) =>
	({
		pubkey: key(n),
		alias: 'New laptop',
		credential_id: [],
		aaguid: [],
		purpose: { authentication: null },
		key_type: keyType,
		protection: { unprotected: null },
		origin: [],
		metadata: []
	}) satisfies DeviceDataValue;

const kinds = (plan: SweepPlan) => plan.steps.map((s) => s.kind);

describe('planSweep', () => {
	test('protect first, then removals in listing order, then the new device, then a check', () => {
		const plan = planSweep(listing([device(1), phrase(false), device(2)]), {
			remove: [key(2), key(1)],
			add: fresh(9)
		});
		expect(kinds(plan)).toEqual(['protect', 'remove', 'remove', 'add', 'verify']);
		expect(plan.steps.flatMap((s) => (s.kind === 'remove' ? [s.device.alias] : []))).toEqual([
			'Device 2',
			'Device 1'
		]);
	});

	test('no protect step when the phrase is already protected; nothing to add is fine', () => {
		expect(kinds(planSweep(listing([phrase(true), device(1)]), { remove: [key(1)] }))).toEqual([
			'remove',
			'verify'
		]);
		expect(kinds(planSweep(listing([phrase(true)]), { remove: [] }))).toEqual(['verify']);
	});

	test('duplicates are removed once; keys already gone are reported, not attempted', () => {
		const plan = planSweep(listing([phrase(true), device(1)]), {
			remove: [key(1), key(1), key(7), key(7)]
		});
		expect(kinds(plan)).toEqual(['remove', 'verify']);
		expect(plan.alreadyGone).toEqual([key(7)]);
	});

	test('refuses to remove the phrase, or a listing the phrase did not sign', () => {
		const refusal = expect.objectContaining({ kind: 'InvalidRequest' });
		expect(() => planSweep(listing([phrase(false), device(1)]), { remove: [key(0)] })).toThrow(
			refusal
		);
		const signedByDevice = listing([
			device(0, { keyType: 'seed_phrase' }),
			device(1, { isCaller: true })
		]);
		expect(() => planSweep(signedByDevice, { remove: [key(1)] })).toThrow(refusal);
	});

	test('refuses a new device that is already there, a second phrase, or an eleventh device', () => {
		const base = [phrase(true), device(1)];
		expect(() => planSweep(listing(base), { remove: [], add: fresh(1) })).toThrow(
			expect.objectContaining({ kind: 'DuplicateDevice' })
		);
		expect(() =>
			planSweep(listing(base), { remove: [], add: fresh(9, { seed_phrase: null }) })
		).toThrow(expect.objectContaining({ kind: 'InvalidDevice' }));
		const full = [
			phrase(true),
			...Array.from({ length: MAX_DEVICES - 1 }, (_, i) => device(i + 1))
		];
		expect(() => planSweep(listing(full), { remove: [], add: fresh(99) })).toThrow(
			expect.objectContaining({ kind: 'TooManyDevices' })
		);
		expect(kinds(planSweep(listing(full), { remove: [key(1)], add: fresh(99) }))).toContain('add');
	});

	test('property: the phrase is never removed, protection comes first, every kept device stays', () => {
		const scenario = fc.record({
			others: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: MAX_DEVICES - 1 }),
			selection: fc.array(fc.integer({ min: 1, max: 250 }), { maxLength: 12 }),
			protectedPhrase: fc.boolean()
		});
		fc.assert(
			fc.property(scenario, ({ others, selection, protectedPhrase }) => {
				const before = listing([phrase(protectedPhrase), ...others.map((n) => device(n))]);
				const plan = planSweep(before, { remove: selection.map(key) });
				const removed = plan.steps.flatMap((s) =>
					s.kind === 'remove' ? [s.device.pubkey[1]] : []
				);
				expect(removed).not.toContain(0);
				expect(new Set(removed).size).toBe(removed.length);
				expect(
					removed.every((n) => selection.includes(n as number) && others.includes(n as number))
				).toBe(true);
				expect(kinds(plan)[0]).toBe(
					protectedPhrase ? (removed.length ? 'remove' : 'verify') : 'protect'
				);
				expect(kinds(plan).at(-1)).toBe('verify');
			})
		);
	});
});

describe('summarizeSweep', () => {
	const before = listing([phrase(false), device(1), device(2)]);
	const plan = planSweep(before, { remove: [key(1), key(2)], add: fresh(9) });
	const done = (p: SweepPlan): StepOutcome[] => p.steps.map((step) => ({ step, status: 'done' }));
	const after = (devices: DeviceInfo[]) => listing(devices);

	test('complete when every step is done and the end state is exactly as planned', () => {
		const report = summarizeSweep(before, plan, done(plan), after([phrase(true), device(9)]));
		expect(report).toMatchObject({
			complete: true,
			phraseProtected: true,
			stillPresent: [],
			appeared: []
		});
	});

	test('a device selected but still there, or one that appeared meanwhile, is reported', () => {
		const report = summarizeSweep(
			before,
			plan,
			done(plan),
			after([phrase(true), device(2), device(9), device(5)])
		);
		expect(report.stillPresent.map((d) => d.alias)).toEqual(['Device 2']);
		expect(report.appeared.map((d) => d.alias)).toEqual(['Device 5']);
		expect(report.complete).toBe(false);
	});

	test('the final listing decides protection; without it, the protect step does', () => {
		expect(summarizeSweep(before, plan, done(plan), after([phrase(false)])).phraseProtected).toBe(
			false
		);
		const failed: StepOutcome[] = plan.steps.map((step, i) =>
			i === 0
				? { step, status: 'failed', error: new IiError('Network') }
				: { step, status: 'skipped' }
		);
		const report = summarizeSweep(before, plan, failed, undefined);
		expect(report).toMatchObject({ phraseProtected: false, complete: false, final: undefined });
		const protectedBefore = listing([phrase(true), device(1)]);
		const noProtect = planSweep(protectedBefore, { remove: [key(1)] });
		expect(summarizeSweep(protectedBefore, noProtect, [], undefined).phraseProtected).toBe(true);
		expect(summarizeSweep(before, plan, done(plan).slice(0, 1), undefined).phraseProtected).toBe(
			true
		);
	});
});

test('only a lost anchor or a phrase that no longer signs for it stops the sweep', () => {
	expect(isFatal(new IiError('NotADevice'))).toBe(true);
	expect(isFatal(new IiError('AnchorNotFound'))).toBe(true);
	for (const kind of ['ProtectedDevice', 'DeviceNotFound', 'Network', 'TooManyDevices'] as const) {
		expect(isFatal(new IiError(kind))).toBe(false);
	}
});

test('progress lines name the device by alias, or by kind when it has none', () => {
	const plan = planSweep(listing([phrase(false), device(1), device(2, { alias: '' })]), {
		remove: [key(1), key(2)],
		add: fresh(9)
	});
	expect(plan.steps.map(describeStep)).toEqual([
		'Locking your recovery phrase',
		'Removing "Device 1"',
		'Removing "Passkey"',
		'Adding your new device "New laptop"',
		'Checking the devices on your Internet Identity'
	]);
});

describe('the other ways in (II 2.0 identity_info)', () => {
	const done = (p: SweepPlan): StepOutcome[] => p.steps.map((step) => ({ step, status: 'done' }));
	const google: OpenIdInfo = {
		key: ['https://accounts.google.com', 'thief', 'ii'],
		id: 'https://accounts.google.com thief ii',
		provider: 'Google',
		email: 'thief@gmail.com'
	};
	const mine: OpenIdInfo = {
		...google,
		key: ['https://accounts.google.com', 'me', 'ii'],
		id: 'mine'
	};
	const email = { address: 'thief@example.com', createdAt: new Date(0) };
	const registration = { expiration: new Date(1), pendingDevice: 'Thief phone' };
	const thiefWays: WaysIn = {
		openidCredentials: [google, mine],
		recoveryEmail: email,
		registration
	};

	test('ends registration mode always, unlinks the chosen accounts and the e-mail', () => {
		const plan = planSweep(listing([phrase(true), device(1)], thiefWays), {
			remove: [key(1)],
			removeOpenId: [google.id],
			removeRecoveryEmail: true
		});
		expect(kinds(plan)).toEqual([
			'end-registration',
			'remove',
			'remove-openid',
			'remove-email',
			'verify'
		]);
		expect(plan.steps.map(describeStep)).toContain('Unlinking the Google account thief@gmail.com');
	});

	test('complete only when nothing the thief added is left, and the kept account stays', () => {
		const before = listing([phrase(true), device(1)], thiefWays);
		const plan = planSweep(before, {
			remove: [key(1)],
			removeOpenId: [google.id],
			removeRecoveryEmail: true
		});
		const clean = summarizeSweep(
			before,
			plan,
			done(plan),
			listing([phrase(true)], { openidCredentials: [mine] })
		);
		expect(clean.complete).toBe(true);
		expect(clean.otherWaysLeft).toEqual({ openidCredentials: [] });

		const dirty = summarizeSweep(
			before,
			plan,
			done(plan),
			listing([phrase(true)], {
				openidCredentials: [mine, google],
				recoveryEmail: email,
				registration
			})
		);
		expect(dirty.complete).toBe(false);
		expect(dirty.otherWaysLeft.openidCredentials).toEqual([google]);
		expect(dirty.otherWaysLeft.recoveryEmail).toEqual(email);
		expect(dirty.otherWaysLeft.registration).toEqual(registration);
	});

	test('a final listing that did not read the other ways in is never complete', () => {
		const before = listing([phrase(true)]);
		const plan = planSweep(before, { remove: [] });
		const final: AnchorDevices = { anchor: 10_000n, devices: [phrase(true)] };
		expect(summarizeSweep(before, plan, done(plan), final).complete).toBe(false);
	});
});
