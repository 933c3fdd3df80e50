// The owner's services over an OwnerContext (the vault canister and II): create a vault with
// invitations, watch acceptance, the dashboard's overview, and the phrase-authorized changes
// (sealing is in owner-seal.ts). Phrase-authorized calls are sent by the phrase identity itself
// (the IC checks its signature; the canister checks it is the vault's phrase and the nonce).
// Secrets (entropy, phrase key, invite secrets) are passed in and never kept here.
import type { Identity } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import { createAgent } from '../canisters/agent';
import { CanisterError, describeError } from '../canisters/errors';
import {
	vaultCanister,
	type AuditEvent,
	type OwnerVaultView,
	type SlotSpec,
	type VaultCanister
} from '../canisters/vault.canister';
import type { AppConfig } from '../config';
import type { PhraseKey } from '../crypto/ii-key';
import { FlowError } from './errors';
import { inviteLink } from './invite-link';
import { inviteHash, newInviteSecret } from './owner-invites';
import { phraseAuthority, type AnchorPhrase, type PhraseAuthority } from './owner-phrase';
import { poll } from './poll';

import type { Progress } from './progress';
export type { Progress };

export const NS_PER_HOUR = 3_600n * 1_000_000_000n;

/** Everything the owner's flows talk to, created once per signed-in owner. */
export interface OwnerContext {
	/** The signed-in owner (P_O). */
	readonly owner: Principal;
	/** The vault canister as the owner. */
	readonly vault: VaultCanister;
	/** The vault canister as another identity: the phrase key for phrase-authorized calls. */
	asIdentity(identity: Identity): Promise<VaultCanister>;
	readonly ii: PhraseAuthority;
	/** Where invitation links point (the app's origin). */
	readonly appOrigin: string;
	/** Which vetKD master key the canister's keys must derive from. */
	readonly network: AppConfig['network'];
	readonly vetKdKeyName: string;
}

/** The owner's context for `identity`: the vault canister and II through agents for `settings`. */
export async function ownerContext(
	identity: Identity,
	appOrigin: string,
	settings: AppConfig
): Promise<OwnerContext> {
	const canisterId = settings.vaultCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	const agent = await createAgent(identity, settings);
	return {
		owner: identity.getPrincipal(),
		vault: vaultCanister(agent, canisterId),
		asIdentity: async (other) => vaultCanister(await createAgent(other, settings), canisterId),
		ii: phraseAuthority(agent, settings.internetIdentityCanisterId),
		appOrigin,
		network: settings.network,
		vetKdKeyName: settings.vetKdKeyName
	};
}

export interface Invitation {
	label: string;
	/** The link with its secret in the fragment: show it to the owner only. */
	url: string;
}

export class VaultExistsError extends Error {
	readonly kind = 'VaultExists';
	constructor(readonly vaultId: bigint) {
		super(
			'This Internet Identity already has a Tessera vault. Open your dashboard to see it or change it.'
		);
		this.name = 'VaultExistsError';
	}
}

/** A fresh secret per label: the canister gets the hashes, the owner the links. */
function newInvite(label: string) {
	const secret = newInviteSecret();
	return { label, secret, spec: { label, inviteHash: inviteHash(secret) } };
}

function newInvites(labels: readonly string[]) {
	return labels.map(newInvite);
}

function link(
	origin: string,
	vaultId: bigint,
	{ label, secret }: ReturnType<typeof newInvite>
): Invitation {
	return { label, url: inviteLink(origin, { vaultId, secret }) };
}

function links(
	origin: string,
	vaultId: bigint,
	invites: ReturnType<typeof newInvites>
): Invitation[] {
	return invites.map((invite) => link(origin, vaultId, invite));
}

/** Creates the vault (sent by the phrase identity) with one invitation per guardian label. */
export async function createVault(
	context: OwnerContext,
	args: {
		anchor: bigint;
		phraseKey: PhraseKey;
		guardians: readonly string[];
		delayHours: number;
	}
): Promise<{ vaultId: bigint; invitations: Invitation[] }> {
	const status = await context.vault.anchorStatus(args.anchor);
	if (status.vaultId !== undefined) throw new VaultExistsError(status.vaultId);
	const invites = newInvites(args.guardians);
	const asPhrase = await context.asIdentity(args.phraseKey.identity);
	const vaultId = await asPhrase.createVault({
		anchor: args.anchor,
		phraseKey: new Uint8Array(args.phraseKey.identity.getPublicKey().rawKey),
		owner: context.owner,
		nonce: status.createNonce,
		delayNs: BigInt(args.delayHours) * NS_PER_HOUR,
		invites: invites.map(({ spec }) => spec)
	});
	// The signed-in owner (P_O) puts it in their index: a vault someone else made naming this
	// owner is never confirmed, so it is neither listed nor counted against the owner's limit.
	await context.vault.confirmVault(vaultId);
	return { vaultId, invitations: links(context.appOrigin, vaultId, invites) };
}

export async function ownerVault(context: OwnerContext, vaultId: bigint): Promise<OwnerVaultView> {
	const vault = (await context.vault.ownerVaults()).find((v) => v.vaultId === vaultId);
	if (!vault) {
		throw new FlowError(
			'vault-gone',
			'This vault is no longer yours or was deleted. Reload the page.'
		);
	}
	return vault;
}

/** Which invitations are accepted, by slot: the guardian's principal once accepted. */
export function acceptance(vault: OwnerVaultView): { label: string; accepted: boolean }[] {
	return vault.slots.map((slot) => ({ label: slot.label, accepted: slot.guardian !== undefined }));
}

export const ACCEPTANCE_POLL_MS = 3_000;

/** Reports which slots have accepted, every few seconds, until the returned stop is called. */
export function watchAcceptance(
	context: OwnerContext,
	vaultId: bigint,
	onupdate: (accepted: boolean[]) => void,
	onerror: (error: unknown) => void
): () => void {
	return poll(
		async () =>
			onupdate(acceptance(await ownerVault(context, vaultId)).map(({ accepted }) => accepted)),
		ACCEPTANCE_POLL_MS,
		onerror
	);
}

export interface VaultOverview {
	vault: OwnerVaultView;
	/** The anchor's recovery phrase on II; 'unknown' when II could not be asked. */
	phrase: AnchorPhrase | 'unknown';
	/** Newest first. */
	audit: AuditEvent[];
}

/** The owner's vaults, each with its audit log and how II shows the anchor's phrase. */
export async function vaultOverviews(context: OwnerContext): Promise<VaultOverview[]> {
	const vaults = await context.vault.ownerVaults();
	return Promise.all(
		vaults.map(async (vault) => ({
			vault,
			audit: [...(await context.vault.auditLog(vault.vaultId))].reverse(),
			phrase: await context.ii.anchorPhrase(vault.anchor).catch(() => 'unknown' as const)
		}))
	);
}

/** The vault's current operation counter: what the next phrase-authorized call must carry. */
async function vaultNonce(context: OwnerContext, vaultId: bigint): Promise<bigint> {
	return (await ownerVault(context, vaultId)).nonce;
}

export async function setDelay(
	context: OwnerContext,
	phraseKey: PhraseKey,
	vaultId: bigint,
	delayHours: number
): Promise<void> {
	const nonce = await vaultNonce(context, vaultId);
	const asPhrase = await context.asIdentity(phraseKey.identity);
	await asPhrase.setDelay({ vaultId, delayNs: BigInt(delayHours) * NS_PER_HOUR, nonce });
}

export async function deleteVault(
	context: OwnerContext,
	phraseKey: PhraseKey,
	vaultId: bigint
): Promise<void> {
	const nonce = await vaultNonce(context, vaultId);
	await (await context.asIdentity(phraseKey.identity)).deleteVault({ vaultId, nonce });
}

export async function cancelRecovery(
	context: OwnerContext,
	phraseKey: PhraseKey,
	vault: { vaultId: bigint; requestId: bigint }
): Promise<void> {
	const nonce = await vaultNonce(context, vault.vaultId);
	const asPhrase = await context.asIdentity(phraseKey.identity);
	await asPhrase.cancelRecovery({ requestId: vault.requestId, nonce });
}

/** "This isn't me": warns every guardian about the open request (the owner's own identity). */
export function raiseAlarm(context: OwnerContext, requestId: bigint): Promise<null> {
	return context.vault.raiseAlarm(requestId);
}

/**
 * Rotation: keep the guardians in `keep` (slot indexes), invite new ones for `invite` labels.
 * The vault must be resealed once the new guardians accept.
 */
export async function setGuardians(
	context: OwnerContext,
	phraseKey: PhraseKey,
	vaultId: bigint,
	change: { keep: readonly number[]; invite: readonly string[] }
): Promise<Invitation[]> {
	const nonce = await vaultNonce(context, vaultId);
	const invites = newInvites(change.invite);
	const slots: SlotSpec[] = [
		...change.keep.map((keep) => ({ keep })),
		...invites.map(({ spec }) => ({ invite: spec }))
	];
	await (await context.asIdentity(phraseKey.identity)).setGuardians({ vaultId, slots, nonce });
	return links(context.appOrigin, vaultId, invites);
}

/**
 * "Send a new link": a fresh secret for one guardian who has not accepted yet, in the same slot
 * (the other slots are kept as they are). The old link's hash is gone, so the old link no longer
 * works. Links are never stored, so this is also the way back after a closed tab.
 */
export async function renewInvite(
	context: OwnerContext,
	phraseKey: PhraseKey,
	vaultId: bigint,
	slot: number
): Promise<Invitation> {
	const vault = await ownerVault(context, vaultId);
	const pending = vault.slots[slot];
	if (!pending || pending.guardian) {
		throw new FlowError('invite-accepted', 'This guardian has already accepted: reload the page.');
	}
	const invite = newInvite(pending.label);
	const slots: SlotSpec[] = vault.slots.map((_, i) =>
		i === slot ? { invite: invite.spec } : { keep: i }
	);
	const asPhrase = await context.asIdentity(phraseKey.identity);
	await asPhrase.setGuardians({ vaultId, slots, nonce: vault.nonce });
	return link(context.appOrigin, vaultId, invite);
}

/** The vault the anchor already has, if any (whoever owns it). */
export async function anchorVault(
	context: OwnerContext,
	anchor: bigint
): Promise<bigint | undefined> {
	return (await context.vault.anchorStatus(anchor)).vaultId;
}
