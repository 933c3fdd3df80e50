// A sample of the authorization matrix and of bad input through the wasm (the full matrix runs
// at domain level in tests/unit/vault): each denial is a typed error and changes no byte of
// stable memory.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '@tessera/contract/vault/idl';
import { CallRejectedError } from '@tessera/devnet';
import type { ReleaseKey, SharesKey } from '../../../src/lib/crypto/vetkd-keys';
import { errOf, identity, Net, newPhrase, okOf, type VaultActor } from './harness';
import { DELAY_NS, Vault } from './vault';

type Attempt = [name: string, call: () => Promise<unknown>, error: string];

/**
 * canister_inspect_message refused the ingress message (the IC's IC0406) before the method ran:
 * anonymous callers on methods that need one, arguments over their bound or not of the
 * method's own type table. The method's own typed refusal of the same bytes (the path without
 * inspection) is tested in tests/adversary/candid-skip-bomb.test.ts.
 */
const REFUSED_BY_INSPECTION = 'refused by inspect_message (IC0406)';

/** The typed error's name, or REFUSED_BY_INSPECTION. */
async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
	try {
		return errOf((await call()) as never);
	} catch (error) {
		if (error instanceof CallRejectedError && error.errorCode === 'IC0406') {
			return REFUSED_BY_INSPECTION;
		}
		throw error;
	}
}

describe('vault canister: authorization and bad input through the wasm', () => {
	let net: Net;
	let keys: { shares: SharesKey; release: ReleaseKey };
	let vault: Vault;
	const stranger = identity();

	beforeAll(async () => {
		net = await Net.create();
		keys = await net.vetKeys();
		vault = await Vault.create(net, 3);
		await vault.acceptAll();
		await vault.seal(2, keys.shares);
		await vault.open();
		await vault.approve(0, keys);
	});

	// A copy of stable memory; compared with memcmp (hashing it per attempt is slow).
	const stableDigest = () => Buffer.from(net.memory().stable);
	const as = (who: Principal | ReturnType<typeof identity>): VaultActor => net.as(who);
	/** Sends `arg` bytes as they are (not encoded by an actor) and decodes the reply. */
	const raw = async (method: keyof typeof METHODS, arg: Uint8Array): Promise<unknown> => {
		const reply = await net.devnet.updateCall({
			canisterId: net.vaultCanisterId,
			method,
			arg,
			sender: stranger.getPrincipal()
		});
		return IDL.decode([METHODS[method].result], reply)[0];
	};
	const encoded = (method: keyof typeof METHODS, args: unknown[]): Uint8Array =>
		new Uint8Array(IDL.encode(METHODS[method].args, args));

	it('denies every role the table does not allow, changing nothing', async () => {
		const controller = net.controller;
		const anonymous = Principal.anonymous();
		const { requestId, vaultId } = vault;
		const attempts: Attempt[] = [
			[
				'anonymous opens a recovery',
				() => as(anonymous).open_recovery({ vaultId, requester: stranger.getPrincipal() }),
				REFUSED_BY_INSPECTION
			],
			[
				'stranger opens a recovery',
				() => as(stranger).open_recovery({ vaultId, requester: stranger.getPrincipal() }),
				'Unauthorized'
			],
			[
				'owner opens a recovery',
				() => as(vault.owner).open_recovery({ vaultId, requester: stranger.getPrincipal() }),
				'Unauthorized'
			],
			[
				'requester opens a recovery',
				() =>
					as(vault.requester).open_recovery({ vaultId, requester: vault.requester.getPrincipal() }),
				'Unauthorized'
			],
			[
				'controller opens a recovery',
				() => as(controller).open_recovery({ vaultId, requester: stranger.getPrincipal() }),
				'Unauthorized'
			],
			[
				'sponsor opens a second request',
				() => as(vault.guardian(0)).open_recovery({ vaultId, requester: stranger.getPrincipal() }),
				'AlreadyOpen'
			],
			['stranger confirms the vault', () => as(stranger).confirm_vault(vaultId), 'Unauthorized'],
			[
				'guardian confirms the vault',
				() => as(vault.guardian(1)).confirm_vault(vaultId),
				'Unauthorized'
			],
			[
				'phrase identity confirms the vault',
				() => as(vault.phrase.identity).confirm_vault(vaultId),
				'Unauthorized'
			],
			[
				'a guardian that is not the sponsor cancels',
				() => as(vault.guardian(1)).cancel_recovery({ requestId, nonce: 0n }),
				'Unauthorized'
			],
			['anonymous lists owned vaults', () => as(anonymous).owner_vaults(), 'AnonymousCaller'],
			[
				'stranger approves',
				() => as(stranger).approve_recovery({ requestId, ciphertext: randomBytes(185) }),
				'Unauthorized'
			],
			[
				'owner approves',
				() => as(vault.owner).approve_recovery({ requestId, ciphertext: randomBytes(185) }),
				'Unauthorized'
			],
			[
				'controller approves',
				() => as(controller).approve_recovery({ requestId, ciphertext: randomBytes(185) }),
				'Unauthorized'
			],
			[
				'guardian raises the alarm',
				() => as(vault.guardian(1)).raise_alarm(requestId),
				'Unauthorized'
			],
			[
				'stranger releases',
				() => as(stranger).release_recovery({ requestId, transportKey: randomBytes(48) }),
				'Unauthorized'
			],
			[
				'guardian releases',
				() => as(vault.guardian(0)).release_recovery({ requestId, transportKey: randomBytes(48) }),
				'Unauthorized'
			],
			[
				'owner releases',
				() => as(vault.owner).release_recovery({ requestId, transportKey: randomBytes(48) }),
				'Unauthorized'
			],
			['stranger reads the audit log', () => as(stranger).audit_log(vaultId), 'Unauthorized'],
			[
				'stranger reads the request',
				() => as(stranger).recovery_request(requestId),
				'Unauthorized'
			],
			[
				'controller reads the request',
				() => as(controller).recovery_request(requestId),
				'Unauthorized'
			],
			[
				'anonymous lists requester requests',
				() => as(anonymous).requests_for_requester(),
				REFUSED_BY_INSPECTION
			],
			[
				'stranger asks for a guardian key',
				() => as(stranger).shares_key(randomBytes(48)),
				'Unauthorized'
			],
			[
				'requester asks for a guardian key',
				() => as(vault.requester).shares_key(randomBytes(48)),
				'Unauthorized'
			],
			['stranger resigns', () => as(stranger).resign(vaultId), 'Unauthorized'],
			[
				'guardian votes twice',
				() => as(vault.guardian(0)).decline_recovery(requestId),
				'AlreadyVoted'
			]
		];
		for (const [name, call, error] of attempts) {
			const before = stableDigest();
			expect(await outcomeOf(call), name).toBe(error);
			expect(stableDigest().equals(before), name).toBe(true);
		}
	});

	it('bad input is a typed error and changes nothing', async () => {
		const { requestId, vaultId } = vault;
		const attempts: Attempt[] = [
			[
				'unknown request',
				() =>
					as(vault.requester).release_recovery({
						requestId: requestId + 99n,
						transportKey: randomBytes(48)
					}),
				'NotFound'
			],
			[
				'short transport key for the release',
				() => as(vault.requester).release_recovery({ requestId, transportKey: randomBytes(47) }),
				'InvalidInput'
			],
			['unknown vault', () => as(vault.owner).audit_log(vaultId + 99n), 'NotFound'],
			[
				'oversized ciphertext',
				() =>
					as(vault.guardian(1)).approve_recovery({
						requestId,
						ciphertext: new Uint8Array(100_000).fill(7)
					}),
				REFUSED_BY_INSPECTION
			],
			[
				'short transport key',
				() => as(vault.guardian(0)).shares_key(randomBytes(47)),
				'InvalidInput'
			],
			[
				'set_delay below the minimum',
				async () => {
					// The nonce first: `as` switches the one shared actor's caller.
					const nonce = await vault.nonce();
					return as(vault.phrase.identity).set_delay({ vaultId, nonce, delayNs: 1n });
				},
				'InvalidInput'
			],
			[
				'unknown vault for a recovery',
				() =>
					as(vault.guardian(0)).open_recovery({
						vaultId: vaultId + 1000n,
						requester: stranger.getPrincipal()
					}),
				'NotFound'
			],
			[
				'anonymous requester',
				() => as(vault.guardian(1)).open_recovery({ vaultId, requester: Principal.anonymous() }),
				'InvalidInput'
			],
			// Arguments that are not Candid of the method's type: refused before the domain runs.
			[
				'create_vault: bytes that are not Candid',
				() => raw('create_vault', randomBytes(64)),
				REFUSED_BY_INSPECTION
			],
			[
				'seal_shares: a valid message cut inside its type table',
				() => {
					const shares = [
						{ ciphertext: randomBytes(185), checkPrincipal: stranger.getPrincipal() }
					];
					const args = {
						vaultId,
						nonce: 0n,
						threshold: 2,
						commitment: randomBytes(32),
						shares,
						shareCommitments: [randomBytes(32)]
					};
					return raw('seal_shares', encoded('seal_shares', [args]).slice(0, 12));
				},
				REFUSED_BY_INSPECTION
			],
			[
				'open_recovery: a text where a record is expected',
				() => raw('open_recovery', new Uint8Array(IDL.encode([IDL.Text], ['10000']))),
				REFUSED_BY_INSPECTION
			]
		];
		for (const [name, call, error] of attempts) {
			const before = stableDigest();
			expect(await outcomeOf(call), name).toBe(error);
			expect(stableDigest().equals(before), name).toBe(true);
		}
	});

	it('a vault for an anchor whose phrase key is not on it is refused (II checked)', async () => {
		const other = await newPhrase();
		const before = stableDigest();
		const invites = [0, 1].map((i) => ({ label: `G${i}`, inviteHash: randomBytes(32) }));
		// The vault's anchor already has one; a fresh anchor with a different phrase on it:
		const anchor = await net.anchorFor((await newPhrase()).phrase);
		const result = await as(other.phrase.identity).create_vault({
			anchor,
			phraseKey: other.phrase.publicKeyDer.slice(12),
			owner: stranger.getPrincipal(),
			delayNs: [DELAY_NS],
			invites,
			nonce: 0n,
			ownerName: []
		});
		expect(errOf(result)).toBe('PhraseKeyNotOnAnchor');
		expect(stableDigest().equals(before)).toBe(true);
	});

	it('phrase calls: only the phrase identity with the current nonce; a replay is refused', async () => {
		const { requestId, vaultId } = vault;
		const nonce = await vault.nonce();
		const otherPhrase = (await newPhrase()).phrase.identity;
		const phraseCalls: [string, (actor: VaultActor, nonce: bigint) => Promise<unknown>][] = [
			[
				'set_guardians',
				(a, n) => a.set_guardians({ vaultId, nonce: n, slots: [{ keep: 0 }, { keep: 1 }] })
			],
			[
				'seal_shares',
				(a, n) =>
					a.seal_shares({
						vaultId,
						nonce: n,
						threshold: 2,
						commitment: randomBytes(32),
						shares: [],
						shareCommitments: []
					})
			],
			['set_delay', (a, n) => a.set_delay({ vaultId, nonce: n, delayNs: DELAY_NS })],
			['delete_vault', (a, n) => a.delete_vault({ vaultId, nonce: n })],
			['cancel_recovery', (a, n) => a.cancel_recovery({ requestId, nonce: n })]
		];
		const callers: [string, Principal | ReturnType<typeof identity>][] = [
			['anonymous', Principal.anonymous()],
			['stranger', stranger],
			['owner', vault.owner],
			// Not guardian 0: it sponsored the open request and may cancel its own.
			['guardian', vault.guardian(1)],
			['requester', vault.requester],
			['controller', net.controller],
			["another vault's phrase identity", otherPhrase]
		];
		for (const [method, call] of phraseCalls) {
			for (const [role, caller] of callers) {
				const before = stableDigest();
				// An anonymous caller never reaches a phrase call: inspection refuses it.
				const expected = role === 'anonymous' ? REFUSED_BY_INSPECTION : 'Unauthorized';
				expect(await outcomeOf(() => call(as(caller), nonce)), `${method} by ${role}`).toBe(
					expected
				);
				expect(stableDigest().equals(before), `${method} by ${role}`).toBe(true);
			}
			const before = stableDigest();
			const stale = (await call(as(vault.phrase.identity), nonce + 1n)) as never;
			expect(errOf(stale), `${method} with a future nonce`).toBe('StaleNonce');
			expect(stableDigest().equals(before)).toBe(true);
		}
		// set_delay during the open request is allowed; the same call again is a replay.
		const args = { vaultId, nonce, delayNs: DELAY_NS + 1n };
		okOf(await as(vault.phrase.identity).set_delay(args));
		const before = stableDigest();
		expect(errOf(await as(vault.phrase.identity).set_delay(args))).toBe('StaleNonce');
		expect(stableDigest().equals(before)).toBe(true);
	}, 600_000); // 40 calls, each compared over all stable memory
});
