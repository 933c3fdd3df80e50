// The owner's dashboard: vaults with health and audit log, the open request's alarm, and the
// changes that need the phrase (unlock once, then set delay, reseal, rotate, cancel, delete).
import type { AuditEvent, OwnerVaultView } from '../canisters/vault.canister';
import type { PhraseKey } from '../crypto/ii-key';
import {
	cancelRecovery,
	deleteVault,
	raiseAlarm,
	setDelay,
	setGuardians,
	type Invitation,
	type OwnerContext,
	type Progress
} from './owner';
import { bindPhrase, protectPhrase, type AnchorPhrase, type PhraseStatus } from './owner-phrase';
import { sealVault } from './owner-seal';
import { auditWords } from './audit-words';

export interface VaultOverview {
	vault: OwnerVaultView;
	/** The anchor's recovery phrase on II; 'unknown' when II could not be asked. */
	phrase: AnchorPhrase | 'unknown';
	/** Newest first. */
	audit: AuditEvent[];
}

export interface DashboardFlow {
	load(): Promise<VaultOverview[]>;
	raiseAlarm(requestId: bigint): Promise<void>;
	/** Checks the phrase against the vault's anchor; the key is for the changes below. */
	unlock(
		anchor: bigint,
		entropy: Uint8Array
	): Promise<{ phraseKey: PhraseKey; status: PhraseStatus }>;
	protectPhrase(anchor: bigint, phraseKey: PhraseKey): Promise<void>;
	setDelay(phraseKey: PhraseKey, vaultId: bigint, delayHours: number): Promise<void>;
	cancelRecovery(phraseKey: PhraseKey, vaultId: bigint, requestId: bigint): Promise<void>;
	deleteVault(phraseKey: PhraseKey, vaultId: bigint): Promise<void>;
	/** Keeps the slots in `keep`, invites new guardians; a reseal follows once they accept. */
	rotate(
		phraseKey: PhraseKey,
		vaultId: bigint,
		change: { keep: readonly number[]; invite: readonly string[] }
	): Promise<Invitation[]>;
	/** Seals again (new threshold, or after rotation); the caller wipes the entropy. */
	reseal(
		args: { vaultId: bigint; threshold: number; entropy: Uint8Array; phraseKey: PhraseKey },
		progress: Progress
	): Promise<void>;
}

export function dashboardFlow(context: OwnerContext): DashboardFlow {
	return {
		async load() {
			const vaults = await context.vault.ownerVaults();
			return Promise.all(
				vaults.map(async (vault) => ({
					vault,
					audit: [...(await context.vault.auditLog(vault.vaultId))].reverse(),
					phrase: await context.ii.anchorPhrase(vault.anchor).catch(() => 'unknown' as const)
				}))
			);
		},
		raiseAlarm: async (requestId) => void (await raiseAlarm(context, requestId)),
		unlock: (anchor, entropy) => bindPhrase(context.ii, anchor, entropy),
		protectPhrase: (anchor, phraseKey) => protectPhrase(context.ii, anchor, phraseKey),
		setDelay: (phraseKey, vaultId, hours) => setDelay(context, phraseKey, vaultId, hours),
		cancelRecovery: (phraseKey, vaultId, requestId) =>
			cancelRecovery(context, phraseKey, { vaultId, requestId }),
		deleteVault: (phraseKey, vaultId) => deleteVault(context, phraseKey, vaultId),
		rotate: (phraseKey, vaultId, change) => setGuardians(context, phraseKey, vaultId, change),
		reseal: async (args, progress) => void (await sealVault(context, args, progress))
	};
}

const SLOT_EVENTS = new Set(['invite-accepted', 'guardian-resigned']);
const SHARE_EVENTS = new Set(['checked-in', 'approved', 'declined']);

/**
 * An audit event in plain words, with the guardian's name where the event names one: `index` is
 * a slot for invitations and resignations, a position in the seal's shares for votes and
 * check-ins (the name is the current slot of that share's guardian, if still there).
 */
export function describeAuditEvent(event: AuditEvent, vault: OwnerVaultView): string {
	const text = auditWords(event.kind, 'owner');
	let label: string | undefined;
	if (SLOT_EVENTS.has(event.kind)) label = vault.slots[event.index]?.label;
	if (SHARE_EVENTS.has(event.kind)) {
		const guardian = vault.shares[event.index]?.guardian.toText();
		label = vault.slots.find((slot) => slot.guardian?.toText() === guardian)?.label;
	}
	return label ? `${text}: ${label}` : text;
}

export const NS_PER_MS = 1_000_000n;
export const nsToMs = (ns: bigint): number => Number(ns / NS_PER_MS);
