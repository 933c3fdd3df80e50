// The decisions of the post-recovery sweep, kept pure: which steps run, in which order, and what
// a failure means. The adapter (device-manager.ts) only performs the steps.
//
// Order: lock the phrase first (from then on a stolen device can no longer remove it), then
// remove the selected devices (this also frees slots under II's limit of 10), then add the
// owner's fresh device, then list again to check the result.
import type { DeviceData as DeviceDataValue } from '@tessera/contract/internet-identity';
import { sameKey, thisPhrase, toBytes, type AnchorDevices, type DeviceInfo } from './devices';
import { IiError, type IiErrorKind } from './errors';

export const MAX_DEVICES = 10;

export interface SweepRequest {
	/** Public keys (DER) of the devices to remove; never the phrase itself. */
	readonly remove: readonly Uint8Array[];
	/** The owner's fresh device, if one is to be added. */
	readonly add?: DeviceDataValue;
}

export type SweepStep =
	| { readonly kind: 'protect'; readonly phrase: DeviceInfo }
	| { readonly kind: 'remove'; readonly device: DeviceInfo }
	| { readonly kind: 'add'; readonly device: DeviceDataValue }
	| { readonly kind: 'verify' };

export interface SweepPlan {
	readonly steps: readonly SweepStep[];
	/** Selected keys that are no longer on the anchor: nothing to do for them. */
	readonly alreadyGone: readonly Uint8Array[];
}

/** Plans a sweep from a fresh listing signed by the phrase; throws IiError for a bad request. */
export function planSweep(listing: AnchorDevices, request: SweepRequest): SweepPlan {
	const phrase = thisPhrase(listing);
	if (!phrase) {
		throw new IiError(
			'InvalidRequest',
			'the listing was not signed by the recovery phrase of this anchor',
			'The sweep must be signed by the recovery phrase of this Internet Identity.'
		);
	}
	const removals: DeviceInfo[] = [];
	const alreadyGone: Uint8Array[] = [];
	const seen: Uint8Array[] = [];
	for (const key of request.remove) {
		if (sameKey(key, phrase.pubkey)) {
			throw new IiError(
				'InvalidRequest',
				'the recovery phrase cannot be removed by the sweep',
				'The recovery phrase cannot be removed here: it is what gives you access.'
			);
		}
		if (seen.some((k) => sameKey(k, key))) continue;
		seen.push(key);
		const device = listing.devices.find((d) => sameKey(d.pubkey, key));
		if (device) removals.push(device);
		else alreadyGone.push(key);
	}
	const steps: SweepStep[] = [];
	if (!phrase.protected) steps.push({ kind: 'protect', phrase });
	steps.push(...removals.map((device): SweepStep => ({ kind: 'remove', device })));
	if (request.add) {
		checkAddition(listing, removals, request.add);
		steps.push({ kind: 'add', device: request.add });
	}
	steps.push({ kind: 'verify' });
	return { steps, alreadyGone };
}

function checkAddition(listing: AnchorDevices, removals: DeviceInfo[], add: DeviceDataValue): void {
	const key = toBytes(add.pubkey);
	if (listing.devices.some((d) => sameKey(d.pubkey, key))) {
		throw new IiError('DuplicateDevice', 'the fresh device is already on the anchor');
	}
	if ('seed_phrase' in add.key_type) {
		throw new IiError('InvalidDevice', 'an anchor has only one recovery phrase');
	}
	if (listing.devices.length - removals.length + 1 > MAX_DEVICES) {
		throw new IiError(
			'TooManyDevices',
			`${listing.devices.length} devices, ${removals.length} removed, 1 added`,
			'Remove at least one more device to make room for your new one (II allows 10).'
		);
	}
}

/** Errors after which no later step can succeed: the phrase no longer opens the anchor. */
const fatalKinds: readonly IiErrorKind[] = ['AnchorNotFound', 'NotADevice'];

export function isFatal(error: IiError): boolean {
	return fatalKinds.includes(error.kind);
}

/** The progress line for a step, in plain language. */
export function describeStep(step: SweepStep): string {
	switch (step.kind) {
		case 'protect':
			return 'Locking your recovery phrase';
		case 'remove':
			return `Removing "${step.device.alias || step.device.kindLabel}"`;
		case 'add':
			return `Adding your new device "${step.device.alias}"`;
		case 'verify':
			return 'Checking the devices on your Internet Identity';
	}
}

export type StepOutcome =
	| { readonly step: SweepStep; readonly status: 'done' }
	| { readonly step: SweepStep; readonly status: 'failed'; readonly error: IiError }
	| { readonly step: SweepStep; readonly status: 'skipped' };

export interface SweepReport {
	readonly outcomes: readonly StepOutcome[];
	readonly alreadyGone: readonly Uint8Array[];
	/** The anchor as listed after the sweep, if that last listing worked. */
	readonly final?: AnchorDevices;
	/** Whether the phrase is known to be protected at the end. */
	readonly phraseProtected: boolean;
	/** Devices selected for removal that are still on the anchor at the end. */
	readonly stillPresent: readonly DeviceInfo[];
	/** Devices on the anchor at the end that were neither there before nor added by the sweep. */
	readonly appeared: readonly DeviceInfo[];
	/** Every step done, the phrase protected, nothing left over and nothing new. */
	readonly complete: boolean;
}

/** What the sweep achieved, from the listing it started with, its outcomes and the final listing. */
export function summarizeSweep(
	before: AnchorDevices,
	plan: SweepPlan,
	outcomes: readonly StepOutcome[],
	final: AnchorDevices | undefined
): SweepReport {
	const selected = plan.steps.flatMap((s) => (s.kind === 'remove' ? [s.device.pubkey] : []));
	const added = plan.steps.flatMap((s) => (s.kind === 'add' ? [toBytes(s.device.pubkey)] : []));
	const listedBefore = (d: DeviceInfo) => before.devices.some((b) => sameKey(b.pubkey, d.pubkey));
	const stillPresent = (final?.devices ?? []).filter((d) =>
		selected.some((k) => sameKey(k, d.pubkey))
	);
	const appeared = (final?.devices ?? []).filter(
		(d) => !listedBefore(d) && !added.some((k) => sameKey(k, d.pubkey))
	);
	const protectStep = outcomes.find((o) => o.step.kind === 'protect');
	const phraseProtected = final
		? thisPhrase(final)?.protected === true
		: protectStep
			? protectStep.status === 'done'
			: thisPhrase(before)?.protected === true;
	return {
		outcomes,
		alreadyGone: plan.alreadyGone,
		final,
		phraseProtected,
		stillPresent,
		appeared,
		complete:
			final !== undefined &&
			outcomes.every((o) => o.status === 'done') &&
			phraseProtected &&
			stillPresent.length === 0 &&
			appeared.length === 0
	};
}
