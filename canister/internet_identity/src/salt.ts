// The salt of every sign-in seed (domain/delegation.ts): 32 bytes from raw_rand, made once on
// the first prepare_delegation (as II's ensure_salt_set) and kept in stable memory, since every
// user's principals depend on it. Memory id 10 (see stable_store.ts; never reuse one).
import { call, IDL, StableBTreeMap } from 'azle';

export const SALT_MEMORY_ID = 10;
const SALT_KEY = 'salt';

const stored = new StableBTreeMap<string, Uint8Array>(SALT_MEMORY_ID);

/** The salt, or undefined before the first sign-in. */
export function salt(): Uint8Array | undefined {
	return stored.get(SALT_KEY);
}

/** The salt, made with raw_rand if there is none yet. */
export async function ensureSalt(): Promise<Uint8Array> {
	const existing = salt();
	if (existing) return existing;
	const random = await call<undefined, Uint8Array>('aaaaa-aa', 'raw_rand', {
		returnIdlType: IDL.Vec(IDL.Nat8)
	});
	// Another call may have set it while this one awaited; the first salt stays.
	const raced = salt();
	if (raced) return raced;
	stored.insert(SALT_KEY, random);
	return random;
}

/** II's message when a seed is needed before the salt exists. */
export const SALT_NOT_SET = 'Salt is not set. Try calling init_salt() to set it';
