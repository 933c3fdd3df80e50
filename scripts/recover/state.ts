// The recovery command's state file: the requester key P_R and what it recovers (IC URL, vault
// canister, anchor, vault id). Whoever holds the key receives the phrase once guardians approve,
// so the file is written for its owner only (mode 0600) and the command says it is a secret.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const STATE_VERSION = 1;

export interface RecoveryState {
	readonly url: string;
	readonly vaultCanister: Principal;
	readonly anchor: bigint;
	readonly vaultId: bigint;
	/** P_R: its principal is the requester the guardian opens the request for. */
	readonly requester: Ed25519KeyIdentity;
}

interface StoredState {
	tessera: 'recovery-requester-key';
	version: number;
	url: string;
	vaultCanister: string;
	anchor: string;
	vaultId: string;
	/** Ed25519KeyIdentity.toJSON(): [DER public key hex, private key hex]. */
	requesterKey: [string, string];
}

export class StateFileError extends Error {
	override name = 'StateFileError';
}

export function stateExists(path: string): boolean {
	return existsSync(path);
}

export function readState(path: string): RecoveryState {
	let stored: StoredState;
	try {
		stored = JSON.parse(readFileSync(path, 'utf8')) as StoredState;
	} catch {
		throw new StateFileError(`${path} is not a Tessera recovery state file.`);
	}
	if (stored.tessera !== 'recovery-requester-key' || stored.version !== STATE_VERSION) {
		throw new StateFileError(`${path} is not a Tessera recovery state file of version 1.`);
	}
	try {
		return {
			url: stored.url,
			vaultCanister: Principal.fromText(stored.vaultCanister),
			anchor: BigInt(stored.anchor),
			vaultId: BigInt(stored.vaultId),
			requester: Ed25519KeyIdentity.fromParsedJson(stored.requesterKey)
		};
	} catch {
		throw new StateFileError(`${path} is damaged: it cannot be read back.`);
	}
}

/** Writes a new state file; refuses to overwrite one (that would lose an open request's key). */
export function writeNewState(path: string, state: RecoveryState): void {
	const stored: StoredState = {
		tessera: 'recovery-requester-key',
		version: STATE_VERSION,
		url: state.url,
		vaultCanister: state.vaultCanister.toText(),
		anchor: state.anchor.toString(),
		vaultId: state.vaultId.toString(),
		requesterKey: state.requester.toJSON()
	};
	writeFileSync(path, `${JSON.stringify(stored, null, '\t')}\n`, { mode: 0o600, flag: 'wx' });
}
