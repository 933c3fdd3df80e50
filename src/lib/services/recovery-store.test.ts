// The requester key store. Node has no IndexedDB, so a Map stands in for @dfinity/auth-client's
// IdbStorage (same get/set/remove contract, values kept as structured objects like IndexedDB);
// the WebCrypto keys are real. The browser tests exercise the IndexedDB itself.
import { describe, expect, it } from 'vitest';
import { MapStorage } from '../../../tests/support/guardian-test-world';
import { RequesterStore } from './recovery-store';

describe('the requester key store', () => {
	it('makes one non-extractable key and returns the same identity after a reload', async () => {
		const storage = new MapStorage();
		const first = await new RequesterStore(storage).identity();
		const again = await new RequesterStore(storage).identity(); // a new page load
		expect(again.getPrincipal().toText()).toBe(first.getPrincipal().toText());
		const { privateKey } = first.getKeyPair();
		expect(privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
		// Signatures from the reloaded identity verify under the first public key.
		const message = new TextEncoder().encode('tessera');
		const signature = await again.sign(message);
		const verified = await crypto.subtle.verify(
			{ name: 'ECDSA', hash: 'SHA-256' },
			first.getKeyPair().publicKey,
			new Uint8Array(signature),
			message
		);
		expect(verified).toBe(true);
	});

	it('holds a request across reloads and forgets it (and the key) on request', async () => {
		const storage = new MapStorage();
		const store = new RequesterStore(storage);
		const before = (await store.identity()).getPrincipal().toText();
		expect(await store.heldRequest()).toBeUndefined();
		const request = { anchor: 10_042n, vaultId: 3n };
		await store.hold(request);
		expect(await new RequesterStore(storage).heldRequest()).toEqual(request);
		await store.forget();
		expect(await store.heldRequest()).toBeUndefined();
		expect((await store.identity()).getPrincipal().toText()).not.toBe(before);
	});

	it('drops an unreadable stored request instead of failing on every visit', async () => {
		const storage = new MapStorage();
		await storage.set('requester-request', { anchor: 'x', vaultId: '1' });
		const store = new RequesterStore(storage);
		expect(await store.heldRequest()).toBeUndefined();
		expect(storage.values.has('requester-request')).toBe(false);
	});
});
