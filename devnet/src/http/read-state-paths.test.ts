import { bytesToHex } from '@noble/hashes/utils';
import { describe, test } from 'vitest';
import type { AuthenticatedRequest, CanisterTargets } from './auth';
import {
	checkReadStatePaths,
	type KnownRequest,
	type ReadStateScope,
	type ReadStateView
} from './read-state-paths';
import { expectHttpError } from './testing/expect-error';
import { CANISTER, OTHER_CANISTER } from './testing/identities';

const t = (s: string) => new TextEncoder().encode(s);
const ALICE = Uint8Array.of(1, 2, 2);
const BOB = Uint8Array.of(3, 4, 2);
const A = CANISTER.toUint8Array();
const B = OTHER_CANISTER.toUint8Array();
const SUBNET = Uint8Array.of(9, 9, 2);
const NODE = Uint8Array.of(8, 8, 2);
const OWN = new Uint8Array(32).fill(1);
const BOBS = new Uint8Array(32).fill(2);
const TO_B = new Uint8Array(32).fill(3);
const UNKNOWN = new Uint8Array(32).fill(4);

// The engine's answers, as plain data: which calls exist and which custom sections are private.
const requests = new Map<string, KnownRequest>([
	[bytesToHex(OWN), { sender: ALICE, canisterId: A, effectiveCanisterId: A }],
	[bytesToHex(BOBS), { sender: BOB, canisterId: A, effectiveCanisterId: A }],
	[bytesToHex(TO_B), { sender: ALICE, canisterId: B, effectiveCanisterId: B }]
]);
const view: ReadStateView = {
	knownRequest: (id) => requests.get(bytesToHex(id)),
	mayReadMetadata: (_canister, name, sender) => !name.startsWith('secret') || sender === BOB
};
const alice = (targets: CanisterTargets = { kind: 'all' }): AuthenticatedRequest => ({
	requestId: new Uint8Array(32),
	sender: ALICE,
	targets
});
const atA: ReadStateScope = { scope: 'canister', effectiveCanisterId: A };
const atSubnet: ReadStateScope = { scope: 'subnet', subnetId: SUBNET };

describe('read_state paths at /api/v2/canister/<A>/read_state', () => {
	test('readable paths', () => {
		checkReadStatePaths(
			[
				[t('time')],
				[t('subnet')],
				[t('subnet'), SUBNET],
				[t('subnet'), SUBNET, t('public_key')],
				[t('subnet'), SUBNET, t('canister_ranges')],
				[t('subnet'), SUBNET, t('node')],
				[t('subnet'), SUBNET, t('node'), NODE],
				[t('subnet'), SUBNET, t('node'), NODE, t('public_key')],
				[t('api_boundary_nodes')],
				[t('api_boundary_nodes'), NODE, t('domain')],
				[t('canister'), A, t('module_hash')],
				[t('canister'), A, t('controllers')],
				[t('canister'), A, t('metadata'), t('candid:service')],
				[t('request_status'), OWN],
				[t('request_status'), OWN, t('status')],
				[t('request_status'), OWN, t('reply')]
			],
			atA,
			alice(),
			view
		);
		checkReadStatePaths([[t('request_status'), UNKNOWN, t('status')]], atA, alice(), view);
		checkReadStatePaths([], atA, alice(), view);
	});

	test.each([
		['an unknown head', [[t('secrets')]]],
		['time with a suffix', [[t('time'), t('x')]]],
		['subnet metrics at a canister endpoint', [[t('subnet'), SUBNET, t('metrics')]]],
		['an unknown subnet field', [[t('subnet'), SUBNET, t('secrets')]]],
		['an unknown request_status field', [[t('request_status'), OWN, t('body')]]],
		['a canister field that does not exist', [[t('canister'), A, t('certified_data')]]],
		['a bare canister', [[t('canister'), A]]],
		['a boundary node field that does not exist', [[t('api_boundary_nodes'), NODE, t('secret')]]]
	])('%s is 404', (_name, paths) => {
		expectHttpError(() => checkReadStatePaths(paths, atA, alice(), view), 'path_not_found');
	});

	test('the request status of another sender, another canister or outside the targets is 403', () => {
		expectHttpError(
			() => checkReadStatePaths([[t('request_status'), BOBS, t('reply')]], atA, alice(), view),
			'path_forbidden',
			/not signed by the caller/
		);
		expectHttpError(
			() => checkReadStatePaths([[t('request_status'), TO_B]], atA, alice(), view),
			'path_forbidden'
		);
		const onlyB: CanisterTargets = { kind: 'some', ids: new Set([bytesToHex(B)]) };
		expectHttpError(
			() => checkReadStatePaths([[t('request_status'), OWN]], atA, alice(onlyB), view),
			'path_forbidden',
			/delegation targets/
		);
	});

	test('malformed request ids, two request ids, another canister, bad metadata names are 400', () => {
		expectHttpError(
			() => checkReadStatePaths([[t('request_status'), new Uint8Array(31)]], atA, alice(), view),
			'malformed_request'
		);
		expectHttpError(
			() =>
				checkReadStatePaths(
					[
						[t('request_status'), OWN],
						[t('request_status'), UNKNOWN]
					],
					atA,
					alice(),
					view
				),
			'malformed_request',
			/More than one/
		);
		expectHttpError(
			() => checkReadStatePaths([[t('canister'), B, t('module_hash')]], atA, alice(), view),
			'malformed_request'
		);
		expectHttpError(
			() =>
				checkReadStatePaths(
					[[t('canister'), A, t('metadata'), Uint8Array.of(0xff)]],
					atA,
					alice(),
					view
				),
			'malformed_request'
		);
	});

	test('private metadata is 403 unless the engine allows the sender', () => {
		const path = [[t('canister'), A, t('metadata'), t('secret:notes')]];
		expectHttpError(() => checkReadStatePaths(path, atA, alice(), view), 'path_forbidden');
		checkReadStatePaths(path, atA, { ...alice(), sender: BOB }, view);
	});
});

describe('read_state paths at /api/v2/subnet/<S>/read_state', () => {
	test('time, subnet information and its own metrics are readable', () => {
		checkReadStatePaths(
			[
				[t('time')],
				[t('subnet'), SUBNET, t('node'), NODE, t('public_key')],
				[t('subnet'), SUBNET, t('metrics')]
			],
			atSubnet,
			alice(),
			view
		);
	});

	test('canister, request status, boundary nodes and other subnets metrics are 404', () => {
		for (const path of [
			[t('canister'), A, t('module_hash')],
			[t('request_status'), OWN],
			[t('api_boundary_nodes')],
			[t('subnet'), NODE, t('metrics')]
		]) {
			expectHttpError(() => checkReadStatePaths([path], atSubnet, alice(), view), 'path_not_found');
		}
	});
});
