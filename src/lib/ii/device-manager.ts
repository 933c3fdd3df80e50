// Device management signed by one key: on recovery the phrase identity, in tests any device.
// Every call goes to II as an update signed by that key, so II checks it is a device of the
// anchor; this class only calls, converts and reports. The decisions live in sweep-plan.ts.
import type { DeviceData as DeviceDataValue } from '@tessera/contract/internet-identity';
import type { IiActor } from '../canisters/internet-identity.canister';
import { checkAnchorNumber } from './anchor-number';
import {
	describeAnchor,
	lockedPhraseUpdate,
	sameKey,
	toBytes,
	toHex,
	type AnchorDevices
} from './devices';
import { IiError, toIiError } from './errors';
import { describeWaysIn } from './ways-in';
import {
	describeStep,
	isFatal,
	planSweep,
	summarizeSweep,
	type StepOutcome,
	type SweepReport,
	type SweepRequest,
	type SweepStep
} from './sweep-plan';

/** Progress of a multi-step operation: the step starting now, steps done, steps in all. */
export type Progress = (step: string, done: number, total: number) => void;

export type RemovalResult =
	| { readonly pubkey: Uint8Array; readonly id: string; readonly ok: true }
	| {
			readonly pubkey: Uint8Array;
			readonly id: string;
			readonly ok: false;
			readonly error: IiError;
	  };

const noProgress: Progress = () => {};

/** The callback belongs to the UI: its errors must not stop a sweep halfway. */
function guarded(onProgress: Progress): Progress {
	return (step, done, total) => {
		try {
			onProgress(step, done, total);
		} catch {
			// ignored on purpose: the operation's result reports what happened
		}
	};
}

/** Runs `call`, turning whatever it throws into an IiError. */
async function calling<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw toIiError(error);
	}
}

/** II 2.0 returns errors as variants; Unauthorized means the signer is no way into the anchor. */
function v2Error(error: object): IiError {
	const [kind] = Object.keys(error);
	if (kind === 'Unauthorized') {
		return new IiError('NotADevice', 'the signing key is not a way into this identity');
	}
	return new IiError('Rejected', `Internet Identity answered ${kind ?? 'an error'}`);
}

export class IiDeviceManager {
	/**
	 * @param actor an actor whose agent signs with the key `signerKey`
	 * @param signerKey the DER public key of that identity
	 */
	constructor(
		private readonly actor: IiActor,
		private readonly signerKey: Uint8Array
	) {}

	/**
	 * Every way into the anchor: its devices (`get_anchor_info`) and II 2.0's other ways in
	 * (`identity_info`: OpenID accounts, recovery e-mail, registration mode). II refuses unless
	 * the signer is one of the anchor's ways in.
	 */
	async listDevices(anchor: bigint): Promise<AnchorDevices> {
		checkAnchorNumber(anchor);
		const info = await calling(() => this.actor.get_anchor_info(anchor));
		const identity = await calling(() => this.actor.identity_info(anchor));
		if ('Err' in identity) throw v2Error(identity.Err);
		return { ...describeAnchor(anchor, info, this.signerKey), waysIn: describeWaysIn(identity.Ok) };
	}

	/**
	 * Removes each device in turn, continuing after a failure. The signing key itself is never
	 * removed (for the phrase identity: the phrase stays).
	 */
	async removeDevices(
		anchor: bigint,
		pubkeys: readonly Uint8Array[],
		onProgress: Progress = noProgress
	): Promise<RemovalResult[]> {
		checkAnchorNumber(anchor);
		const progress = guarded(onProgress);
		const results: RemovalResult[] = [];
		for (const [index, pubkey] of pubkeys.entries()) {
			const id = toHex(pubkey);
			progress(`Removing device ${id.slice(-8)}`, index, pubkeys.length);
			try {
				if (sameKey(pubkey, this.signerKey)) {
					throw new IiError(
						'InvalidRequest',
						'the signing key is not removed by its own sweep',
						'The key you are signing with cannot remove itself here.'
					);
				}
				await calling(() => this.actor.remove(anchor, pubkey));
				results.push({ pubkey, id, ok: true });
			} catch (error) {
				results.push({ pubkey, id, ok: false, error: toIiError(error) });
			}
		}
		progress('Done', pubkeys.length, pubkeys.length);
		return results;
	}

	/** Adds the owner's fresh device (see device-data.ts for the builders). */
	async addDevice(anchor: bigint, device: DeviceDataValue): Promise<void> {
		checkAnchorNumber(anchor);
		await calling(() => this.actor.add(anchor, device));
	}

	/**
	 * Makes sure the signing recovery phrase is protected, as II's own frontend does: `update`
	 * of the phrase device, signed by the phrase. Idempotent: `changed` says whether it was needed.
	 */
	async ensureProtected(anchor: bigint): Promise<{ changed: boolean }> {
		checkAnchorNumber(anchor);
		const info = await calling(() => this.actor.get_anchor_info(anchor));
		const update = lockedPhraseUpdate(info, this.signerKey);
		if (update === 'already protected') return { changed: false };
		await calling(() => this.actor.update(anchor, toBytes(update.pubkey), update));
		return { changed: true };
	}

	/**
	 * The post-recovery sweep, signed by the phrase: lock the phrase, remove the selected devices,
	 * add the fresh one, list again. Throws only if the first listing fails or the request is
	 * invalid; after that every step's outcome is in the report.
	 */
	async sweep(
		anchor: bigint,
		request: SweepRequest,
		onProgress: Progress = noProgress
	): Promise<SweepReport> {
		const progress = guarded(onProgress);
		const before = await this.listDevices(anchor);
		const plan = planSweep(before, request);
		const total = plan.steps.length;
		const outcomes: StepOutcome[] = [];
		let final: AnchorDevices | undefined;
		let aborted = false;
		for (const [index, step] of plan.steps.entries()) {
			progress(describeStep(step), index, total);
			if (aborted) {
				outcomes.push({ step, status: 'skipped' });
				continue;
			}
			try {
				if (step.kind === 'verify') final = await this.listDevices(anchor);
				else await this.perform(anchor, step);
				outcomes.push({ step, status: 'done' });
			} catch (caught) {
				const error = toIiError(caught);
				outcomes.push({ step, status: 'failed', error });
				aborted = isFatal(error);
			}
		}
		progress('Done', total, total);
		return summarizeSweep(before, plan, outcomes, final);
	}

	private async perform(anchor: bigint, step: Exclude<SweepStep, { kind: 'verify' }>) {
		switch (step.kind) {
			case 'protect':
				await this.ensureProtected(anchor);
				return;
			case 'remove':
				await calling(() => this.actor.remove(anchor, step.device.pubkey));
				return;
			case 'add':
				await this.addDevice(anchor, step.device);
				return;
			case 'end-registration': {
				const ended = await calling(() =>
					this.actor.authn_method_registration_mode_exit(anchor, [])
				);
				if ('Err' in ended) throw v2Error(ended.Err);
				return;
			}
			case 'remove-openid': {
				const [iss, sub, aud] = step.credential.key;
				const removed = await calling(() =>
					this.actor.openid_credential_remove(anchor, [iss, sub, aud])
				);
				if ('Err' in removed) throw v2Error(removed.Err);
				return;
			}
			case 'remove-email': {
				const removed = await calling(() =>
					this.actor.email_recovery_credential_remove(anchor, step.email.address)
				);
				if ('Err' in removed) throw v2Error(removed.Err);
				return;
			}
		}
	}
}
