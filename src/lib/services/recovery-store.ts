// The requester's browser key P_R and the request it holds, kept across reloads and days (the
// waiting period is 72 h by default). The key is a non-extractable WebCrypto ECDSA key: IndexedDB
// stores the CryptoKey handle, and no script (ours included) can read the private key out.
// Nothing secret besides that handle is stored: the anchor and vault id are public.
import { ECDSAKeyIdentity } from '@dfinity/identity';

/** The subset of @dfinity/auth-client's IdbStorage used here (also what tests substitute). */
export interface KeyValueStorage {
	get<T>(key: string): Promise<T | null>;
	set<T>(key: string, value: T): Promise<void>;
	remove(key: string): Promise<void>;
}

/** The recovery this browser started: which identity, and the vault that protects it. */
export interface HeldRequest {
	readonly anchor: bigint;
	readonly vaultId: bigint;
}

interface StoredRequest {
	anchor: string;
	vaultId: string;
}

const KEY_PAIR = 'requester-key';
const REQUEST = 'requester-request';

export const REQUESTER_DB = { dbName: 'tessera-recovery', storeName: 'requester' } as const;

export class RequesterStore {
	constructor(private readonly storage: KeyValueStorage) {}

	/** This browser's requester identity: the stored one, or a new one saved for next time. */
	async identity(): Promise<ECDSAKeyIdentity> {
		const stored = await this.storage.get<CryptoKeyPair>(KEY_PAIR);
		if (stored) return ECDSAKeyIdentity.fromKeyPair(stored);
		const identity = await ECDSAKeyIdentity.generate({ extractable: false });
		await this.storage.set(KEY_PAIR, identity.getKeyPair());
		return identity;
	}

	async heldRequest(): Promise<HeldRequest | undefined> {
		const stored = await this.storage.get<StoredRequest>(REQUEST);
		if (!stored) return undefined;
		try {
			return { anchor: BigInt(stored.anchor), vaultId: BigInt(stored.vaultId) };
		} catch {
			await this.storage.remove(REQUEST); // unreadable: forget it rather than fail forever
			return undefined;
		}
	}

	async hold(request: HeldRequest): Promise<void> {
		await this.storage.set<StoredRequest>(REQUEST, {
			anchor: request.anchor.toString(),
			vaultId: request.vaultId.toString()
		});
	}

	/** "Forget this request": drops the request and the key, so the next one starts afresh. */
	async forget(): Promise<void> {
		await this.storage.remove(REQUEST);
		await this.storage.remove(KEY_PAIR);
	}
}
