// The signed-in user, shared by every page: who it is, and the vault canister as that user.
import type { Identity } from '@dfinity/agent';
import { connectVault } from '$lib/api/vault.api';
import type { VaultCanister } from '$lib/canisters/vault.canister';
import { sessionService, type SessionService, type SignedIn } from '$lib/services/session';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

export class Session {
	status: SessionStatus = $state('loading');
	identity: Identity | undefined = $state.raw();
	readonly principal = $derived(this.identity?.getPrincipal().toText());

	#service: SessionService | undefined;
	#makeService: () => SessionService;
	#restoring: Promise<void> | undefined;
	#guardian: Promise<VaultCanister> | undefined;

	constructor(makeService: () => SessionService = sessionService) {
		this.#makeService = makeService;
	}

	#serviceInstance(): SessionService {
		return (this.#service ??= this.#makeService());
	}

	#set(signedIn: SignedIn | undefined) {
		this.identity = signedIn?.identity;
		this.status = signedIn ? 'signed-in' : 'signed-out';
		this.#guardian = undefined;
	}

	/** Restores the kept session once; later calls wait for the same restore. */
	ready(): Promise<void> {
		return (this.#restoring ??= this.#serviceInstance()
			.restore()
			.catch(() => undefined)
			.then((signedIn) => {
				if (this.status === 'loading') this.#set(signedIn);
			}));
	}

	async signIn(): Promise<void> {
		const signedIn = await this.#serviceInstance().signIn();
		this.#set(signedIn);
	}

	async signOut(): Promise<void> {
		await this.#serviceInstance().signOut();
		this.#set(undefined);
	}

	/** The vault canister as the signed-in user (anonymous when signed out). */
	guardian(): Promise<VaultCanister> {
		const connecting = (this.#guardian ??= connectVault(this.identity));
		connecting.catch(() => {
			if (this.#guardian === connecting) this.#guardian = undefined; // retry next time
		});
		return connecting;
	}
}

export const session = new Session();
