// The decisions of the post-recovery sweep, kept pure: which steps run, in which order, and what
// a failure means. The adapter (device-manager.ts) only performs the steps.
//
// Order: lock the phrase first (from then on a stolen device can no longer remove it), then
// remove the selected devices (this also frees slots under II's limit of 10), then add the
// owner's fresh device, then list again to check the result.
import type { DeviceData as DeviceDataValue } from '@tessera/contract/internet-identity';
import { sameKey, thisPhrase, toBytes, type AnchorDevices, type DeviceInfo } from './devices';
import { IiError, type IiErrorKind } from './errors';
import type { OpenIdInfo, RecoveryEmailInfo, RegistrationInfo, WaysIn } from './ways-in';

export const MAX_DEVICES = 10;

export interface SweepRequest {
	/** Public keys (DER) of the devices to remove; never the phrase itself. */
	readonly remove: readonly Uint8Array[];
	/** The owner's fresh device, if one is to be added. */
	readonly add?: DeviceDataValue;
	/** Ids (OpenIdInfo.id) of the linked OpenID accounts to unlink. */
	readonly removeOpenId?: readonly string[];
	/** Remove the recovery e-mail (II keeps at most one). */
	readonly removeRecoveryEmail?: boolean;
}

export type SweepStep =
	| { readonly kind: 'protect'; readonly phrase: DeviceInfo }
	| { readonly kind: 'end-registration'; readonly registration: RegistrationInfo }
	| { readonly kind: 'remove'; readonly device: DeviceInfo }
	| { readonly kind: 'remove-openid'; readonly credential: OpenIdInfo }
	| { readonly kind: 'remove-email'; readonly email: RecoveryEmailInfo }
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
	// Registration mode is always ended: a device waiting for its code is a door left ajar.
	const registration = listing.waysIn?.registration;
	if (registration) steps.push({ kind: 'end-registration', registration });
	steps.push(...removals.map((device): SweepStep => ({ kind: 'remove', device })));
	const credentials = listing.waysIn?.openidCredentials ?? [];
	for (const credential of credentials) {
		if (request.removeOpenId?.includes(credential.id)) {
			steps.push({ kind: 'remove-openid', credential });
		}
	}
	const email = listing.waysIn?.recoveryEmail;
	if (email && request.removeRecoveryEmail) steps.push({ kind: 'remove-email', email });
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
		case 'end-registration':
			return 'Ending registration mode (no new device can be added with a code)';
		case 'remove-openid':
			return `Unlinking the ${step.credential.provider} account${step.credential.email ? ` ${step.credential.email}` : ''}`;
		case 'remove-email':
			return `Removing the recovery e-mail ${step.email.address}`;
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
	/** The other ways in at the end that should be gone or were not there before. */
	readonly otherWaysLeft: OtherWaysLeft;
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
	const otherWaysLeft = otherWaysAfter(before.waysIn, plan, final?.waysIn);
	return {
		outcomes,
		alreadyGone: plan.alreadyGone,
		final,
		phraseProtected,
		stillPresent,
		appeared,
		otherWaysLeft,
		complete:
			final !== undefined &&
			final.waysIn !== undefined &&
			outcomes.every((o) => o.status === 'done') &&
			phraseProtected &&
			stillPresent.length === 0 &&
			appeared.length === 0 &&
			otherWaysLeft.openidCredentials.length === 0 &&
			otherWaysLeft.recoveryEmail === undefined &&
			otherWaysLeft.registration === undefined
	};
}

export interface OtherWaysLeft {
	/** Linked accounts selected for removal and still there, or linked during the sweep. */
	readonly openidCredentials: readonly OpenIdInfo[];
	/** The recovery e-mail, if it was to go and is still there, or appeared during the sweep. */
	readonly recoveryEmail?: RecoveryEmailInfo;
	/** Registration mode, if it is still (or again) on. */
	readonly registration?: RegistrationInfo;
}

function otherWaysAfter(
	before: WaysIn | undefined,
	plan: SweepPlan,
	after: WaysIn | undefined
): OtherWaysLeft {
	const kept = (before?.openidCredentials ?? []).filter(
		(c) => !plan.steps.some((s) => s.kind === 'remove-openid' && s.credential.id === c.id)
	);
	const emailKept =
		before?.recoveryEmail !== undefined && !plan.steps.some((s) => s.kind === 'remove-email');
	const email = after?.recoveryEmail;
	return {
		openidCredentials: (after?.openidCredentials ?? []).filter(
			(c) => !kept.some((k) => k.id === c.id)
		),
		recoveryEmail:
			email && !(emailKept && email.address === before?.recoveryEmail?.address) ? email : undefined,
		registration: after?.registration
	};
}
