// The vault canister: maps Candid (@tessera/contract/vault/idl) to VaultDomain calls with the caller and
// time, and makes the outgoing calls the domain decides on (II for anchor keys, vetKD). Typed
// errors are Candid variants; only a broken invariant (unreadable stored record) traps.
import {
	IDL,
	init,
	inspectMessage,
	msgArgData,
	msgCaller,
	msgMethodName,
	msgReply,
	postUpgrade,
	Principal,
	query,
	time,
	trap,
	update
} from 'azle';

import { VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES } from '@tessera/contract';
import {
	candidError,
	fromCandid,
	fromOpt,
	toCandid,
	type CandidSlotSpec,
	type Opt
} from '@tessera/contract/vault';
import { METHODS as M, InitArgs } from '@tessera/contract/vault/idl';
import * as candid from '../candid';
import { CandidDecodeError, TableCachedDecoder } from '../candid-decode';
import { VaultDomain, type Result } from '../domain/index';
import { inspectRefusal, oversized } from './inspect';
import { utf8Decode, utf8Encode } from '../domain/utf8';
import {
	anchorPhraseKeys,
	DERIVE_KEY_CYCLES,
	OutgoingCallFailed,
	vetKdDeriveKey,
	vetKdPublicKey
} from './outgoing';
import { configStore, stableStores } from './stable-stores';

/** Semantic version of the vault canister's interface and state layout. */
export const VAULT_VERSION = '0.4.0';

/** A vetKD transport public key is a compressed G1 point. */
const TRANSPORT_KEY_BYTES = 48;

type InitArgsValue = { vetKdKeyName: string; internetIdentity: Principal };
type Invite = { label: string; inviteHash: Uint8Array };
type CreateVaultArgs = {
	anchor: bigint;
	phraseKey: Uint8Array;
	owner: Principal;
	delayNs: Opt<bigint>;
	invites: Invite[];
	nonce: bigint;
	ownerName: Opt<string>;
};
type SetGuardiansArgs = { vaultId: bigint; nonce: bigint; slots: CandidSlotSpec[] };
type SealSharesArgs = {
	vaultId: bigint;
	nonce: bigint;
	threshold: number;
	commitment: Uint8Array;
	shares: { ciphertext: Uint8Array; checkPrincipal: Principal }[];
	shareCommitments: Uint8Array[];
};

const domain = new VaultDomain(stableStores());

function configure(args: InitArgsValue): void {
	if (DERIVE_KEY_CYCLES[args.vetKdKeyName] === undefined) {
		trap(`unknown vetKD key name: ${args.vetKdKeyName}`);
	}
	configStore.insert('vetKdKeyName', utf8Encode(args.vetKdKeyName));
	configStore.insert('internetIdentity', args.internetIdentity.toUint8Array());
}

function keyName(): string {
	const stored = configStore.get('vetKdKeyName') ?? trap('not configured: vetKD key name');
	return utf8Decode(stored);
}

function internetIdentity(): Principal {
	const stored = configStore.get('internetIdentity') ?? trap('not configured: II canister');
	return Principal.fromUint8Array(stored);
}

const caller = (): Principal => msgCaller();

// Candid costs, paid once when the module loads (install and upgrade, ~1 B instructions), not
// per call: names pinned, every reply table encoded (queries keep no state, so a table encoded
// lazily in a query would be encoded again on every query).
candid.pinTypeNames(Object.values(M).flatMap((method) => [...method.args, method.result]));
const replies = candid.replyEncoders(M);
Object.values(replies).forEach((encoder) => encoder.warm());
const decoders = Object.fromEntries(
	Object.entries(M).map(([name, method]) => [
		name,
		new TableCachedDecoder(method.args, { ownTableOnly: true }).warm()
	])
) as Record<keyof typeof M, TableCachedDecoder>;
/** Every method decodes and replies itself (Azle's automatic reply re-encodes the table). */
const MANUAL = { manual: true } as const;

/** Decodes the call's arguments, runs `handler` and replies with its (awaited) result. */
async function serve<A extends unknown[]>(
	method: keyof typeof M,
	handler: (...args: A) => unknown
): Promise<void> {
	let args: A;
	try {
		const argument = msgArgData();
		if (oversized(method, argument)) throw new CandidDecodeError('over the size bound');
		args = decoders[method].decode(argument) as A;
	} catch (error) {
		// Not valid Candid for this method: a typed error where the result has one, else a trap.
		if (!(error instanceof CandidDecodeError) || !(M[method].result instanceof IDL.VariantClass)) {
			throw error;
		}
		const reason = `not valid Candid for ${method}: ${error.message}`.slice(0, 200);
		msgReply(replies[method].encode({ Err: { InvalidInput: { field: 'arguments', reason } } }));
		return;
	}
	const result = await handler(...args);
	msgReply(replies[method].encode(result));
}
const unit = candid.unit;
const same = <T>(value: T): T => value;

function invalidTransportKey(
	key: Uint8Array,
	field = 'transportPublicKey'
): candid.CandidResult<never> | undefined {
	if (key.length === TRANSPORT_KEY_BYTES) return undefined;
	return { Err: { InvalidInput: { field, reason: 'must be 48 bytes' } } };
}

/** Runs an outgoing call; a failed call becomes the given typed error, nothing changes. */
async function outgoing<T>(
	kind: 'IdentityProviderUnavailable' | 'VetKdFailed',
	run: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; error: candid.CandidResult<never> }> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		if (!(error instanceof OutgoingCallFailed)) throw error;
		return { ok: false, error: candid.failure({ kind, message: error.message }) };
	}
}

async function deriveFor(
	decision: Result<{ input: Uint8Array }>,
	context: Uint8Array,
	transportPublicKey: Uint8Array
): Promise<candid.CandidResult<Uint8Array>> {
	if (!decision.ok) return { Err: candidError(decision.error) };
	const derived = await outgoing('VetKdFailed', () =>
		vetKdDeriveKey(keyName(), context, decision.value.input, transportPublicKey)
	);
	return derived.ok ? { Ok: derived.value } : derived.error;
}

export default class Vault {
	/** Refuses (IC0406) what the update would refuse anyway, before anything is decoded. */
	@inspectMessage({ manual: true })
	inspect(): boolean {
		const message = { method: msgMethodName(), caller: msgCaller(), argument: msgArgData() };
		return inspectRefusal(decoders, message) === undefined;
	}

	@init([InitArgs])
	init(args: InitArgsValue): void {
		configure(args);
	}

	/**
	 * The II canister and the vetKD key name stay as installed: an upgrade's argument cannot swap
	 * in another II. Changing them takes a module whose code does so, announced by its hash like
	 * any other (canister/upgrade). The argument is read only by a vault canister never configured.
	 */
	@postUpgrade([InitArgs])
	postUpgrade(args: InitArgsValue): void {
		if (configStore.get('internetIdentity') === undefined) configure(args);
	}

	@update(M.create_vault.args, M.create_vault.result, MANUAL)
	create_vault(): Promise<void> {
		return serve('create_vault', async (args: CreateVaultArgs) => {
			const who = caller();
			const create = {
				...args,
				delayNs: fromOpt(args.delayNs),
				ownerName: fromOpt(args.ownerName)
			};
			// The caller and every argument are checked before the outgoing call to II: a call that
			// would be refused costs no inter-canister call.
			const checked = domain.checkCreateVault(who, time(), create);
			if (!checked.ok) return candid.candidResult(checked, same);
			// The squatting guard needs the anchor's phrase keys from II before the domain decides.
			const keys = await outgoing('IdentityProviderUnavailable', () =>
				anchorPhraseKeys(internetIdentity(), args.anchor)
			);
			if (!keys.ok) return keys.error;
			const result = domain.createVault(who, time(), { ...create, anchorPhraseKeys: keys.value });
			return candid.candidResult(result, same);
		});
	}

	@update(M.confirm_vault.args, M.confirm_vault.result, MANUAL)
	confirm_vault(): Promise<void> {
		return serve('confirm_vault', (vaultId: bigint) =>
			candid.candidResult(domain.confirmVault(caller(), time(), { vaultId }), unit)
		);
	}

	@update(M.set_guardians.args, M.set_guardians.result, MANUAL)
	set_guardians(): Promise<void> {
		return serve('set_guardians', (args: SetGuardiansArgs) => {
			const slots = args.slots.map(fromCandid.slotSpec);
			return candid.candidResult(
				domain.updateGuardians(caller(), time(), { ...args, slots }),
				unit
			);
		});
	}

	@update(M.accept_invite.args, M.accept_invite.result, MANUAL)
	accept_invite(): Promise<void> {
		return serve('accept_invite', (args: { vaultId: bigint; secret: Uint8Array }) =>
			candid.candidResult(domain.acceptInvite(caller(), time(), args), same)
		);
	}

	@update(M.seal_shares.args, M.seal_shares.result, MANUAL)
	seal_shares(): Promise<void> {
		return serve('seal_shares', (args: SealSharesArgs) =>
			candid.candidResult(domain.seal(caller(), time(), args), unit)
		);
	}

	@update(M.set_delay.args, M.set_delay.result, MANUAL)
	set_delay(): Promise<void> {
		return serve('set_delay', (args: { vaultId: bigint; nonce: bigint; delayNs: bigint }) =>
			candid.candidResult(domain.setDelay(caller(), time(), args), unit)
		);
	}

	@update(M.delete_vault.args, M.delete_vault.result, MANUAL)
	delete_vault(): Promise<void> {
		return serve('delete_vault', (args: { vaultId: bigint; nonce: bigint }) =>
			candid.candidResult(domain.deleteVault(caller(), time(), args), unit)
		);
	}

	@update(M.resign.args, M.resign.result, MANUAL)
	resign(): Promise<void> {
		return serve('resign', (vaultId: bigint) =>
			candid.candidResult(domain.resign(caller(), time(), { vaultId }), unit)
		);
	}

	@update(M.check_in.args, M.check_in.result, MANUAL)
	check_in(): Promise<void> {
		return serve('check_in', (args: { vaultId: bigint; nonce: bigint }) =>
			candid.candidResult(domain.checkIn(caller(), time(), args), unit)
		);
	}

	@update(M.open_recovery.args, M.open_recovery.result, MANUAL)
	open_recovery(): Promise<void> {
		return serve('open_recovery', (args: { vaultId: bigint; requester: Principal }) =>
			candid.candidResult(domain.openRecovery(caller(), time(), args), same)
		);
	}

	@update(M.approve_recovery.args, M.approve_recovery.result, MANUAL)
	approve_recovery(): Promise<void> {
		return serve('approve_recovery', (args: { requestId: bigint; ciphertext: Uint8Array }) =>
			candid.candidResult(domain.approveRecovery(caller(), time(), args), unit)
		);
	}

	@update(M.decline_recovery.args, M.decline_recovery.result, MANUAL)
	decline_recovery(): Promise<void> {
		return serve('decline_recovery', (requestId: bigint) =>
			candid.candidResult(domain.declineRecovery(caller(), time(), { requestId }), unit)
		);
	}

	@update(M.raise_alarm.args, M.raise_alarm.result, MANUAL)
	raise_alarm(): Promise<void> {
		return serve('raise_alarm', (requestId: bigint) =>
			candid.candidResult(domain.raiseAlarm(caller(), time(), { requestId }), unit)
		);
	}

	@update(M.cancel_recovery.args, M.cancel_recovery.result, MANUAL)
	cancel_recovery(): Promise<void> {
		return serve('cancel_recovery', (args: { requestId: bigint; nonce: bigint }) =>
			candid.candidResult(domain.cancelRecovery(caller(), time(), args), unit)
		);
	}

	@update(M.release_recovery.args, M.release_recovery.result, MANUAL)
	release_recovery(): Promise<void> {
		return serve(
			'release_recovery',
			async (args: { requestId: bigint; transportKey: Uint8Array }) => {
				const bad = invalidTransportKey(args.transportKey, 'transportKey');
				if (bad) return bad;
				// Commits the derivation count (and the first release) before the vetKD call.
				const decision = domain.releaseRecovery(caller(), time(), { requestId: args.requestId });
				if (!decision.ok) return { Err: candidError(decision.error) };
				const { input, ...release } = decision.value;
				const key = await deriveFor(
					{ ok: true, value: { input } },
					VETKD_CONTEXT_RELEASE,
					args.transportKey
				);
				return 'Ok' in key ? { Ok: { ...release, releaseKey: key.Ok } } : key;
			}
		);
	}

	@update(M.recovery_request.args, M.recovery_request.result, MANUAL)
	recovery_request(): Promise<void> {
		return serve('recovery_request', (requestId: bigint) =>
			candid.candidResult(
				domain.recoveryRequest(caller(), time(), { requestId }),
				toCandid.requestView
			)
		);
	}

	@update(M.requests_for_requester.args, M.requests_for_requester.result, MANUAL)
	requests_for_requester(): Promise<void> {
		return serve('requests_for_requester', () =>
			candid.candidResult(domain.requesterRequests(caller(), time(), undefined), (views) =>
				views.map(toCandid.requestView)
			)
		);
	}

	@update(M.shares_key.args, M.shares_key.result, MANUAL)
	shares_key(): Promise<void> {
		return serve('shares_key', async (transportPublicKey: Uint8Array) => {
			const bad = invalidTransportKey(transportPublicKey);
			if (bad) return bad;
			// Commits the caller's daily count before the vetKD call.
			const decision = domain.authorizeSharesKey(caller(), time(), undefined);
			return deriveFor(decision, VETKD_CONTEXT_SHARES, transportPublicKey);
		});
	}

	@update(M.vetkd_public_keys.args, M.vetkd_public_keys.result, MANUAL)
	vetkd_public_keys(): Promise<void> {
		return serve('vetkd_public_keys', async () => {
			const keys = await outgoing('VetKdFailed', async () => ({
				shares: await vetKdPublicKey(keyName(), VETKD_CONTEXT_SHARES),
				release: await vetKdPublicKey(keyName(), VETKD_CONTEXT_RELEASE)
			}));
			return keys.ok ? { Ok: keys.value } : keys.error;
		});
	}

	@query(M.anchor_status.args, M.anchor_status.result, MANUAL)
	anchor_status(): Promise<void> {
		return serve('anchor_status', (anchor: bigint) =>
			candid.candidResult(domain.anchorStatus(caller(), time(), { anchor }), toCandid.anchorStatus)
		);
	}

	@query(M.invitation.args, M.invitation.result, MANUAL)
	invitation(): Promise<void> {
		return serve('invitation', (args: { vaultId: bigint; secret: Uint8Array }) =>
			candid.candidResult(domain.invitation(caller(), time(), args), same)
		);
	}

	@query(M.owner_vaults.args, M.owner_vaults.result, MANUAL)
	owner_vaults(): Promise<void> {
		return serve('owner_vaults', () =>
			candid.candidResult(domain.ownerVaults(caller(), time(), undefined), (views) =>
				views.map(toCandid.ownerVaultView)
			)
		);
	}

	@query(M.guardian_vaults.args, M.guardian_vaults.result, MANUAL)
	guardian_vaults(): Promise<void> {
		return serve('guardian_vaults', () =>
			candid.candidResult(domain.guardianVaults(caller(), time(), undefined), (views) =>
				views.map(toCandid.guardianVaultView)
			)
		);
	}

	@query(M.audit_log.args, M.audit_log.result, MANUAL)
	audit_log(): Promise<void> {
		return serve('audit_log', (vaultId: bigint) =>
			candid.candidResult(domain.auditLog(caller(), time(), { vaultId }), same)
		);
	}

	@query(M.version.args, M.version.result, MANUAL)
	version(): Promise<void> {
		return serve('version', () => VAULT_VERSION);
	}
}
