// Canister signatures as senders and delegation keys, with certificates signed by devnet's own
// subnet key (devnet/src/certification) and identities built on @dfinity/identity's
// DelegationChain, as Internet Identity's get_delegation hands them out.
import { decode, encodeWithSelfDescribedTag } from '@dfinity/cbor';
import { DelegationChain, DelegationIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { reconstruct, type HashTree, type LabeledTree } from '../certification/hash-tree';
import { SubnetKey } from '../certification/subnet-key';
import { authenticate, IC_REQUEST_DOMAIN, selfAuthenticatingPrincipal } from './auth';
import type { Envelope } from './envelope';
import {
	canisterSignature,
	CanisterSignatureIdentity,
	signaturePath,
	signatureTree,
	witness
} from './testing/canister-signatures';
import { expectHttpError } from './testing/expect-error';
import {
	agentEnvelope,
	CANISTER,
	newIdentity,
	nowNs,
	OTHER_CANISTER,
	type RequestKind
} from './testing/identities';

const subnetKey = new SubnetKey();
const ROOT = subnetKey.publicKey;
const II = Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai');
const SEED = utf8ToBytes('anchor 10000 at https://app.example');
const KINDS: RequestKind[] = ['call', 'query', 'read_state'];

const certifyFor =
	(canister: Principal, key = subnetKey, time = nowNs()) =>
	(certifiedData: Uint8Array) =>
		key.dataCertificate(canister.toUint8Array(), certifiedData, time);

const iiIdentity = (seed = SEED) => new CanisterSignatureIdentity(II, seed, certifyFor(II));

const prunedNodes = (tree: HashTree): number =>
	tree[0] === 4
		? 1
		: tree[0] === 1
			? prunedNodes(tree[1]) + prunedNodes(tree[2])
			: tree[0] === 2
				? prunedNodes(tree[2])
				: 0;

/** What a sender signs: "\x0Aic-request" || request id. */
const signedBytes = (envelope: Envelope) => concatBytes(IC_REQUEST_DOMAIN, envelope.requestId);

/** An envelope whose sender is the canister-signature key of (II, seed), signed by `sign`. */
async function envelopeSignedWith(
	sign: (message: Uint8Array) => Uint8Array,
	seed = SEED
): Promise<Envelope> {
	const envelope = await agentEnvelope(iiIdentity(seed), 'call');
	return { ...envelope, senderSig: sign(signedBytes(envelope)) };
}

/** A session identity delegated to by the II key, as II's get_delegation gives the dapp. */
async function iiSession(options: { expiration?: Date; targets?: Principal[] } = {}) {
	const root = iiIdentity();
	const session = await newIdentity('ed25519');
	const chain = await DelegationChain.create(
		root,
		session.getPublicKey(),
		options.expiration ?? new Date(Date.now() + 30 * 60_000),
		{ targets: options.targets }
	);
	return { root, identity: DelegationIdentity.fromDelegation(session, chain) };
}

describe('canister-signature senders authenticate', () => {
	test.each(KINDS)('directly, %s', async (kind) => {
		const identity = iiIdentity();
		const auth = authenticate(await agentEnvelope(identity, kind), nowNs(), ROOT);
		expect(auth.sender).toEqual(selfAuthenticatingPrincipal(identity.publicKeyDer));
		expect(auth.sender).toEqual(identity.getPrincipal().toUint8Array());
	});

	test.each(KINDS)('as the root of a chain to an Ed25519 session key (II), %s', async (kind) => {
		const { root, identity } = await iiSession();
		const auth = authenticate(await agentEnvelope(identity, kind), nowNs(), ROOT);
		expect(auth.sender).toEqual(root.getPrincipal().toUint8Array());
	});

	test('anywhere in a chain: Ed25519 -> canister signature key -> P-256', async () => {
		const first = await newIdentity('ed25519');
		const middle = iiIdentity();
		const last = await newIdentity('ecdsa-p256');
		const expiration = new Date(Date.now() + 60_000);
		const toMiddle = await DelegationChain.create(first, middle.getPublicKey(), expiration);
		const chain = await DelegationChain.create(middle, last.getPublicKey(), expiration, {
			previous: toMiddle
		});
		const identity = DelegationIdentity.fromDelegation(last, chain);
		const auth = authenticate(await agentEnvelope(identity, 'call'), nowNs(), ROOT);
		expect(auth.sender).toEqual(first.getPrincipal().toUint8Array());
	});

	test('a witness: the tree holds other signatures, pruned away', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const others = [1, 2, 3, 4, 5].map((i) => ({
				seed: utf8ToBytes(`seed ${i}`),
				message: utf8ToBytes(`message ${i}`)
			}));
			const full = signatureTree([...others, { seed: SEED, message }]);
			const pruned = witness(full, signaturePath(SEED, message));
			expect(prunedNodes(pruned)).toBeGreaterThan(0);
			return canisterSignature(certifyFor(II)(reconstruct(full)), pruned);
		});
		authenticate(envelope, nowNs(), ROOT);
	});

	test('an old certificate is accepted, as the replica does: the delegation expiry limits it', async () => {
		const yesterday = nowNs() - 24n * 3600n * 1_000_000_000n;
		const identity = new CanisterSignatureIdentity(II, SEED, certifyFor(II, subnetKey, yesterday));
		authenticate(await agentEnvelope(identity, 'call'), nowNs(), ROOT);
	});
});

describe('refused canister signatures', () => {
	const refused = (envelope: Envelope, message: RegExp) =>
		expectHttpError(() => authenticate(envelope, nowNs(), ROOT), 'invalid_signature', message);

	test('wrong seed: the tree signs for another seed of the same canister', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const tree = signatureTree([{ seed: utf8ToBytes('another anchor'), message }]);
			return canisterSignature(certifyFor(II)(reconstruct(tree)), tree);
		});
		refused(
			envelope,
			/^Invalid signature: Invalid canister signature: the signature tree doesn't contain sig\/[0-9a-f]{64}\/[0-9a-f]{64} path$/
		);
	});

	test('message not in the tree', async () => {
		const envelope = await envelopeSignedWith(() => {
			const tree = signatureTree([{ seed: SEED, message: utf8ToBytes('another request') }]);
			return canisterSignature(certifyFor(II)(reconstruct(tree)), tree);
		});
		refused(envelope, /the signature tree doesn't contain sig\//);
	});

	test('a tree that does not match the certified data', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const tree = signatureTree([{ seed: SEED, message }]);
			const other = signatureTree([{ seed: SEED, message: utf8ToBytes('older') }]);
			return canisterSignature(certifyFor(II)(reconstruct(other)), tree);
		});
		refused(
			envelope,
			/certificate verification failed: certified data values do not match: certificate value is [0-9a-f]{64}, tree hash is [0-9a-f]{64}$/
		);
	});

	test('a certificate signed by another root key', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const tree = signatureTree([{ seed: SEED, message }]);
			return canisterSignature(certifyFor(II, new SubnetKey())(reconstruct(tree)), tree);
		});
		refused(envelope, /certificate verification failed: failed to verify threshold signature/);
	});

	test('a certificate for another canister than the one in the key', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const tree = signatureTree([{ seed: SEED, message }]);
			return canisterSignature(certifyFor(OTHER_CANISTER)(reconstruct(tree)), tree);
		});
		refused(
			envelope,
			/malformed certificate: cannot find certified_data for canister rdmx6-jaaaa-aaaaa-aaadq-cai in the tree/
		);
	});

	test('a leaf that is not empty', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const tree = signatureTree([{ seed: SEED, message, leaf: Uint8Array.of(1) }]);
			return canisterSignature(certifyFor(II)(reconstruct(tree)), tree);
		});
		refused(envelope, /was not a leaf containing ""/);
	});

	test('malformed: no self-describing tag, not a map, a bad tree, unsorted labels', async () => {
		const sign = (message: Uint8Array) => {
			const tree = signatureTree([{ seed: SEED, message }]);
			return { tree, certificate: certifyFor(II)(reconstruct(tree)) };
		};
		const untagged = await envelopeSignedWith((message) =>
			canisterSignature(sign(message).certificate, sign(message).tree).subarray(3)
		);
		refused(untagged, /self-describing tag/);
		const notMap = await envelopeSignedWith(() => encodeWithSelfDescribedTag([1, 2]));
		refused(notMap, /malformed signature: failed to parse signature CBOR/);
		const badTree = await envelopeSignedWith((message) =>
			encodeWithSelfDescribedTag({ certificate: sign(message).certificate, tree: [9] })
		);
		refused(badTree, /malformed signature/);
		const unsorted = await envelopeSignedWith((message) => {
			const entry: HashTree = [
				2,
				utf8ToBytes('sig'),
				signatureTree([{ seed: SEED, message }])[2] as HashTree
			];
			const tree: HashTree = [1, [2, utf8ToBytes('zzz'), [3, new Uint8Array()]], entry];
			return canisterSignature(certifyFor(II)(reconstruct(tree)), tree);
		});
		refused(unsorted, /labels are not strictly increasing/);
	});

	test('a pruned entry is absent: a witness for one message does not sign another', async () => {
		const other = utf8ToBytes('the request the witness was made for');
		const envelope = await envelopeSignedWith((message) => {
			const full = signatureTree([
				{ seed: SEED, message },
				{ seed: SEED, message: other }
			]);
			const pruned = witness(full, signaturePath(SEED, other));
			return canisterSignature(certifyFor(II)(reconstruct(full)), pruned);
		});
		refused(envelope, /the signature tree doesn't contain sig\//);
	});

	test('a tree pruned at its root is malformed, though its hash is the certified data', async () => {
		const envelope = await envelopeSignedWith((message) => {
			const tree = signatureTree([{ seed: SEED, message }]);
			const root = reconstruct(tree);
			return canisterSignature(certifyFor(II)(root), [4, root]);
		});
		refused(
			envelope,
			/malformed signature: failed to flatten signature hash tree: the top-level node is pruned/
		);
	});

	test('any bytes as a signature are refused with invalid_signature, nothing else', async () => {
		const envelope = await agentEnvelope(iiIdentity(), 'call');
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, tagged) => {
				const senderSig = tagged ? Uint8Array.of(0xd9, 0xd9, 0xf7, ...bytes) : bytes;
				expectHttpError(
					() => authenticate({ ...envelope, senderSig }, nowNs(), ROOT),
					'invalid_signature'
				);
			}),
			{ numRuns: 300 }
		);
	});

	test('without a root key, canister signatures are refused', async () => {
		const envelope = await agentEnvelope(iiIdentity(), 'call');
		expectHttpError(() => authenticate(envelope, nowNs()), 'invalid_signature', /no root key/);
	});
});

describe('canister-signature delegations', () => {
	test('an expired delegation is refused', async () => {
		const { identity } = await iiSession({ expiration: new Date(Date.now() - 1000) });
		const envelope = await agentEnvelope(identity, 'call');
		expectHttpError(
			() => authenticate(envelope, nowNs(), ROOT),
			'invalid_delegation_expiry',
			/expired/
		);
	});

	test('a delegation to another target is refused for calls and queries', async () => {
		const { identity } = await iiSession({ targets: [CANISTER] });
		authenticate(await agentEnvelope(identity, 'call', CANISTER), nowNs(), ROOT);
		for (const kind of ['call', 'query'] as const) {
			const envelope = await agentEnvelope(identity, kind, OTHER_CANISTER);
			expectHttpError(() => authenticate(envelope, nowNs(), ROOT), 'not_in_delegation_targets');
		}
	});

	test('a delegation whose signature is for another delegation is refused', async () => {
		const { identity } = await iiSession();
		const envelope = await agentEnvelope(identity, 'call');
		const [signed] = envelope.senderDelegation ?? [];
		if (!signed) throw new Error('no delegation');
		const later = {
			...signed,
			delegation: { ...signed.delegation, expiration: signed.delegation.expiration + 1n }
		};
		expectHttpError(
			() => authenticate({ ...envelope, senderDelegation: [later] }, nowNs(), ROOT),
			'invalid_delegation',
			/^Invalid delegation: Invalid canister signature: the signature tree doesn't contain/
		);
	});
});

describe('certificates with a subnet delegation (mainnet layouts)', () => {
	const subnetId = Principal.fromText(
		'pzp6e-ekpqk-3c5x7-2h6so-njoeq-mt45d-h3h6c-q3mxf-vpeq5-fk5o7-yae'
	);
	const delegatedKey = new SubnetKey();
	const range = (first: Principal, last: Principal) =>
		encodeWithSelfDescribedTag([[first.toUint8Array(), last.toUint8Array()]]);
	const low = Principal.fromText('rwlgt-iiaaa-aaaaa-aaaaa-cai');
	const high = Principal.fromUint8Array(Uint8Array.of(0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 1, 1));

	/** The delegation certificate, by the root key, in the older or the newer layout. */
	function delegationCertificate(
		layout: 'subnet-leaf' | 'canister-ranges',
		ranges = range(low, high),
		root = subnetKey
	) {
		const subnet: Map<string, LabeledTree> = new Map([['public_key', delegatedKey.derPublicKey]]);
		if (layout === 'subnet-leaf') subnet.set('canister_ranges', ranges);
		const tree = new Map<string | Uint8Array, LabeledTree>([
			['subnet', new Map([[subnetId.toUint8Array(), subnet]])]
		]);
		if (layout === 'canister-ranges') {
			tree.set(
				'canister_ranges',
				new Map([[subnetId.toUint8Array(), new Map([[low.toUint8Array(), ranges]])]])
			);
		}
		return root.certifyLabeled(tree, nowNs());
	}

	/** A data certificate by the delegated subnet key, carrying the delegation. */
	const delegatingCertifier =
		(delegation: Uint8Array, signer = delegatedKey) =>
		(data: Uint8Array) => {
			const certificate = decode(
				signer.dataCertificate(II.toUint8Array(), data, nowNs())
			) as Record<string, unknown>;
			return encodeWithSelfDescribedTag({
				...certificate,
				delegation: { subnet_id: subnetId.toUint8Array(), certificate: delegation }
			} as Parameters<typeof encodeWithSelfDescribedTag>[0]);
		};

	const attempt = async (certify: (data: Uint8Array) => Uint8Array) => {
		const identity = new CanisterSignatureIdentity(II, SEED, certify);
		const envelope = await agentEnvelope(identity, 'call');
		return () => authenticate(envelope, nowNs(), ROOT);
	};

	test.each(['subnet-leaf', 'canister-ranges'] as const)(
		'accepted in the %s layout',
		async (layout) => {
			const run = await attempt(delegatingCertifier(delegationCertificate(layout)));
			run();
		}
	);

	test.each(['subnet-leaf', 'canister-ranges'] as const)(
		'a canister outside the ranges (%s) is refused',
		async (layout) => {
			const beyond = Principal.fromUint8Array(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 8, 1, 1)); // II is 7
			const outside = range(beyond, high);
			const run = await attempt(delegatingCertifier(delegationCertificate(layout, outside)));
			expectHttpError(run, 'invalid_signature', /canister id does not match the canister id range/);
		}
	);

	test('a delegation certificate not signed by the root key, a certificate not by the delegated key, nested delegations', async () => {
		const byOtherRoot = await attempt(
			delegatingCertifier(delegationCertificate('subnet-leaf', range(low, high), new SubnetKey()))
		);
		expectHttpError(byOtherRoot, 'invalid_signature', /failed to verify threshold signature/);
		const byRoot = await attempt(
			delegatingCertifier(delegationCertificate('subnet-leaf'), subnetKey)
		);
		expectHttpError(byRoot, 'invalid_signature', /failed to verify threshold signature/);
		const nested = decode(delegationCertificate('subnet-leaf')) as Record<string, unknown>;
		const nestedBytes = encodeWithSelfDescribedTag({
			...nested,
			delegation: {
				subnet_id: subnetId.toUint8Array(),
				certificate: delegationCertificate('subnet-leaf')
			}
		} as Parameters<typeof encodeWithSelfDescribedTag>[0]);
		const twice = await attempt(delegatingCertifier(nestedBytes));
		expectHttpError(twice, 'invalid_signature', /nested delegations/);
	});
});
