import { DelegationChain, DelegationIdentity, Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { bytesToHex } from '@noble/hashes/utils';
import { describe, expect, test } from 'vitest';
import { authenticate, MAX_INGRESS_TTL_NS, PERMITTED_DRIFT_NS } from './auth';
import { decodeEnvelope, type Envelope } from './envelope';
import { editBody } from './testing/agent-requests';
import { expectHttpError } from './testing/expect-error';
import {
	agentBody,
	agentEnvelope,
	anonymous,
	CANISTER,
	delegated,
	KEY_KINDS,
	newIdentity,
	nowNs,
	OTHER_CANISTER,
	type RequestKind
} from './testing/identities';

const KINDS: RequestKind[] = ['call', 'query', 'read_state'];

const flipped = (bytes: Uint8Array, at = 5) => {
	const copy = Uint8Array.from(bytes);
	copy[at] = (copy[at] as number) ^ 1;
	return copy;
};

describe('valid requests from @dfinity/agent authenticate', () => {
	for (const key of KEY_KINDS) {
		test.each(KINDS)(`${key} %s`, async (kind) => {
			const identity = await newIdentity(key);
			const envelope = await agentEnvelope(identity, kind);
			const auth = authenticate(envelope, nowNs());
			expect(auth.sender).toEqual(identity.getPrincipal().toUint8Array());
			expect(auth.requestId).toEqual(envelope.requestId);
			expect(auth.targets).toEqual({ kind: 'all' });
		});
	}

	test.each(KINDS)('anonymous %s', async (kind) => {
		const auth = authenticate(await agentEnvelope(anonymous(), kind), nowNs());
		expect(auth.sender).toEqual(Uint8Array.of(4));
	});

	test('a chain mixing all key kinds (Ed25519 -> secp256k1 -> P-256), as II sessions chain', async () => {
		const root = await newIdentity('ed25519');
		const identity = await delegated(root, [
			await newIdentity('ecdsa-secp256k1'),
			await newIdentity('ecdsa-p256')
		]);
		for (const kind of KINDS) {
			const auth = authenticate(await agentEnvelope(identity, kind), nowNs());
			expect(auth.sender).toEqual(root.getPrincipal().toUint8Array());
		}
	});

	test('a chain of 20 delegations (the maximum)', async () => {
		const keys = await Promise.all(Array.from({ length: 20 }, () => newIdentity('ed25519')));
		const identity = await delegated(await newIdentity('ed25519'), keys);
		expect(authenticate(await agentEnvelope(identity, 'call'), nowNs()).targets.kind).toBe('all');
	});

	test('delegation targets restrict calls and queries and are returned for read_state', async () => {
		const identity = await delegated(
			await newIdentity('ed25519'),
			[await newIdentity('ecdsa-p256')],
			{
				targets: [CANISTER]
			}
		);
		authenticate(await agentEnvelope(identity, 'call', CANISTER), nowNs());
		const readState = authenticate(await agentEnvelope(identity, 'read_state'), nowNs());
		expect(readState.targets).toEqual({
			kind: 'some',
			ids: new Set([bytesToHex(CANISTER.toUint8Array())])
		});
		for (const kind of ['call', 'query'] as const) {
			const envelope = await agentEnvelope(identity, kind, OTHER_CANISTER);
			expectHttpError(() => authenticate(envelope, nowNs()), 'not_in_delegation_targets');
		}
	});

	test('targets of several delegations intersect', async () => {
		const root = await newIdentity('ed25519');
		const middle = await newIdentity('ed25519');
		const first = await delegated(root, [middle], { targets: [CANISTER, OTHER_CANISTER] });
		const last = await newIdentity('ed25519');
		const chain = await DelegationChain.create(
			middle,
			last.getPublicKey(),
			new Date(Date.now() + 60_000),
			{
				previous: first.getDelegation(),
				targets: [OTHER_CANISTER]
			}
		);
		const identity = DelegationIdentity.fromDelegation(last, chain);
		authenticate(await agentEnvelope(identity, 'call', OTHER_CANISTER), nowNs());
		const denied = await agentEnvelope(identity, 'call', CANISTER);
		expectHttpError(() => authenticate(denied, nowNs()), 'not_in_delegation_targets');
	});
});

describe('ingress expiry', () => {
	test('accepted from now to now + 5 min + 30 s drift, refused outside', async () => {
		const envelope = await agentEnvelope(await newIdentity('ed25519'), 'call');
		const expiry = envelope.content.ingressExpiry;
		const window = MAX_INGRESS_TTL_NS + PERMITTED_DRIFT_NS;
		authenticate(envelope, expiry); // expires exactly now
		authenticate(envelope, expiry - window); // exactly as far ahead as allowed
		// @dfinity/agent recognises this prefix, then syncs its clock with devnet and retries.
		expectHttpError(
			() => authenticate(envelope, expiry + 1n),
			'invalid_request_expiry',
			/^Invalid request expiry: Specified ingress_expiry not within expected range/
		);
		expectHttpError(() => authenticate(envelope, expiry - window - 1n), 'invalid_request_expiry');
	});

	test('checked for anonymous calls, not for anonymous queries and read_state (as the replica)', async () => {
		const late = nowNs() + 3_600_000_000_000n;
		const call = await agentEnvelope(anonymous(), 'call');
		expectHttpError(() => authenticate(call, late), 'invalid_request_expiry');
		authenticate(await agentEnvelope(anonymous(), 'query'), late);
		authenticate(await agentEnvelope(anonymous(), 'read_state'), late);
	});

	test('checked for signed queries and read_state', async () => {
		const identity = await newIdentity('ecdsa-secp256k1');
		const late = nowNs() + 3_600_000_000_000n;
		for (const kind of ['query', 'read_state'] as const) {
			const envelope = await agentEnvelope(identity, kind);
			expectHttpError(() => authenticate(envelope, late), 'invalid_request_expiry');
		}
	});
});

describe('refused requests', () => {
	test('wrong sender: content.sender is not the principal of sender_pubkey', async () => {
		const body = await agentBody(await newIdentity('ed25519'), 'call');
		const other = Ed25519KeyIdentity.generate().getPrincipal().toUint8Array();
		const envelope = decodeEnvelope(
			editBody(body, (e) => (e.content.sender = other)),
			'call'
		);
		expectHttpError(() => authenticate(envelope, nowNs()), 'sender_pubkey_mismatch');
	});

	for (const key of KEY_KINDS) {
		test(`${key}: tampered content, bad signature, signature by another key`, async () => {
			const identity = await newIdentity(key);
			const body = await agentBody(identity, 'call');
			const tampered = decodeEnvelope(
				editBody(body, (e) => (e.content.method_name = 'steal')),
				'call'
			);
			expectHttpError(() => authenticate(tampered, nowNs()), 'invalid_signature');
			const envelope = decodeEnvelope(body, 'call');
			const badSig = { ...envelope, senderSig: flipped(envelope.senderSig as Uint8Array) };
			expectHttpError(() => authenticate(badSig, nowNs()), 'invalid_signature');
			const otherSig = (await agentEnvelope(await newIdentity(key), 'call')).senderSig;
			expectHttpError(
				() => authenticate({ ...envelope, senderSig: otherSig }, nowNs()),
				'invalid_signature'
			);
			const shortSig = { ...envelope, senderSig: envelope.senderSig?.subarray(0, 63) };
			expectHttpError(() => authenticate(shortSig, nowNs()), 'invalid_signature');
		});
	}

	test('missing signature or public key', async () => {
		const envelope = await agentEnvelope(await newIdentity('ed25519'), 'query');
		const { senderSig: _sig, ...noSig } = envelope;
		expectHttpError(() => authenticate(noSig, nowNs()), 'missing_signature');
		const { senderPubkey: _key, ...noKey } = envelope;
		expectHttpError(() => authenticate(noKey, nowNs()), 'missing_signature');
	});

	test('anonymous with a signature, public key or delegation', async () => {
		const signed = await agentEnvelope(await newIdentity('ed25519'), 'query');
		const anon = await agentEnvelope(anonymous(), 'query');
		const variants: Envelope[] = [
			{ ...anon, senderSig: signed.senderSig },
			{ ...anon, senderPubkey: signed.senderPubkey },
			{ ...anon, senderDelegation: [] }
		];
		for (const envelope of variants) {
			expectHttpError(() => authenticate(envelope, nowNs()), 'anonymous_signature_not_allowed');
		}
	});

	test('expired delegation', async () => {
		const identity = await delegated(await newIdentity('ed25519'), [await newIdentity('ed25519')], {
			expiration: new Date(Date.now() - 1000)
		});
		const envelope = await agentEnvelope(identity, 'call');
		expectHttpError(() => authenticate(envelope, nowNs()), 'invalid_delegation_expiry', /expired/);
	});

	test('a chain of 21 delegations is too long', async () => {
		const keys = await Promise.all(Array.from({ length: 21 }, () => newIdentity('ed25519')));
		const envelope = await agentEnvelope(
			await delegated(await newIdentity('ed25519'), keys),
			'call'
		);
		expectHttpError(() => authenticate(envelope, nowNs()), 'invalid_delegation', /too long/);
	});

	test('more than 1000 targets in one delegation', async () => {
		const targets = Array.from({ length: 1001 }, (_, i) =>
			Principal.fromUint8Array(Uint8Array.of(0, 0, 0, 0, 0, i >> 8, i & 0xff, 1, 1))
		);
		const identity = await delegated(await newIdentity('ed25519'), [await newIdentity('ed25519')], {
			targets
		});
		const envelope = await agentEnvelope(identity, 'read_state');
		expectHttpError(() => authenticate(envelope, nowNs()), 'invalid_delegation', /1000 targets/);
	});

	test('cycles: a key delegating back to an earlier key, or to itself', async () => {
		const a = await newIdentity('ed25519');
		const b = await newIdentity('ed25519');
		const back = await agentEnvelope(await delegated(a, [b, a]), 'call');
		expectHttpError(() => authenticate(back, nowNs()), 'invalid_delegation', /cycle/);
		const self = await agentEnvelope(await delegated(a, [a]), 'call');
		expectHttpError(() => authenticate(self, nowNs()), 'invalid_delegation', /cycle/);
	});

	test('tampered delegation: signature, expiration, targets, pubkey', async () => {
		const session = await newIdentity('ed25519');
		const identity = await delegated(await newIdentity('ecdsa-p256'), [session], {
			targets: [CANISTER]
		});
		const envelope = await agentEnvelope(identity, 'call');
		const [signed] = envelope.senderDelegation ?? [];
		if (!signed) throw new Error('no delegation');
		const edits = [
			{ ...signed, signature: flipped(signed.signature, 40) },
			{
				...signed,
				delegation: { ...signed.delegation, expiration: signed.delegation.expiration + 1n }
			},
			{ ...signed, delegation: { ...signed.delegation, targets: [OTHER_CANISTER.toUint8Array()] } },
			{ ...signed, delegation: { ...signed.delegation, targets: undefined } }
		];
		for (const edit of edits) {
			expectHttpError(
				() => authenticate({ ...envelope, senderDelegation: [edit] }, nowNs()),
				'invalid_delegation'
			);
		}
		const other = (await newIdentity('ed25519')).getPublicKey().toDer();
		const swapped = {
			...signed,
			delegation: { ...signed.delegation, pubkey: new Uint8Array(other) }
		};
		expectHttpError(
			() => authenticate({ ...envelope, senderDelegation: [swapped] }, nowNs()),
			'invalid_delegation'
		);
	});
});
