// checkRecoveredPhrase over a scripted II (no II runs in unit tests; the agent tests run the
// local II's wasm): the phrase key is derived for real, and II answers per identity.
import { describe, expect, it, vi } from 'vitest';
import { derivePhraseKey } from '$lib/crypto/ii-key';
import type { PhraseCheck } from '$lib/ii';
import { checkRecoveredPhrase } from './recovery-sweep';

const entropy = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const ON: PhraseCheck = { onAnchor: true, protected: true, anchorHasPhrase: true };
const OTHER: PhraseCheck = { onAnchor: false, protected: false, anchorHasPhrase: true };

/** II where the phrase is on `home` (or nowhere). */
function ii(home: bigint | undefined) {
	return {
		checkPhrase: vi.fn(async (anchor: bigint) => (anchor === home ? ON : OTHER)),
		findIdentityByPhrase: vi.fn(async () => home)
	};
}

describe('checkRecoveredPhrase', () => {
	it('with the right anchor number: checks it, no lookup needed', async () => {
		const fake = ii(10_042n);
		const checked = await checkRecoveredPhrase(fake, 10_042n, entropy);
		expect(checked.anchor).toBe(10_042n);
		expect(checked.check).toEqual(ON);
		expect(fake.findIdentityByPhrase).not.toHaveBeenCalled();
	});

	it('without an anchor number: II finds the identity from the phrase (signed by it)', async () => {
		const fake = ii(10_042n);
		const checked = await checkRecoveredPhrase(fake, undefined, entropy);
		expect(checked.anchor).toBe(10_042n);
		const key = await derivePhraseKey(entropy);
		const [signer] = fake.findIdentityByPhrase.mock.calls[0] as unknown as [
			{ getPrincipal(): { toText(): string } }
		];
		expect(signer.getPrincipal().toText()).toBe(key.identity.getPrincipal().toText());
	});

	it('with a wrong anchor number: says so, and does not quietly pick another identity', async () => {
		const fake = ii(10_042n);
		await expect(checkRecoveredPhrase(fake, 10_043n, entropy)).rejects.toThrow(
			/someone replaced it/u
		);
		expect(fake.findIdentityByPhrase).not.toHaveBeenCalled();
	});

	it('on no identity: a plain reason, replaced or removed', async () => {
		await expect(checkRecoveredPhrase(ii(undefined), undefined, entropy)).rejects.toThrow(
			/No Internet Identity has this recovery phrase any more/u
		);
		const removed = {
			checkPhrase: async () => ({ ...OTHER, anchorHasPhrase: false }),
			findIdentityByPhrase: async () => undefined
		};
		await expect(checkRecoveredPhrase(removed, 10_042n, entropy)).rejects.toThrow(
			/no recovery phrase any more: someone removed it/u
		);
	});
});
