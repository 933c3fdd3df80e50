// The canister's Candid layer: arguments and replies go through real Candid encoding with the
// canister's own IDL types (as between an agent and the canister), and every error either traps
// with II's message or comes back as II's result variant, exactly where II does either.
// What is not exercised here is Azle's runtime itself (msgCaller/time/trap/stable memory).
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { describe, expect, it } from 'vitest';
import { CandidApi, type Outcome } from '../../../canister/internet_identity/domain/candid_api';
import { iiMethods, localOnlyMethods } from '../../../canister/internet_identity/domain/idl';
import { InternetIdentity } from '../../../canister/internet_identity/domain/service';
import { signInMethods } from '../../../canister/internet_identity/domain/sign-in-idl';
import { InMemoryAnchorStore } from '../../../canister/internet_identity/domain/store';
import { deviceToWire } from '../../../canister/internet_identity/domain/wire';
import { der, keyOf, passkey, phraseDevice } from './helpers';

const methods = {
	...iiMethods,
	create_anchor_for_local_development: localOnlyMethods.create_anchor_for_local_development
};
/** The sign-in methods have their own module (domain/sign-in.ts), tested end to end in tests/agent. */
type Name = Exclude<keyof typeof methods, keyof typeof signInMethods>;

/** Encodes `args` as a client would and decodes them as the canister runtime does. */
function overTheWire(name: Name, args: unknown[]): unknown[] {
	const types = methods[name].args;
	return IDL.decode(types, IDL.encode(types, args));
}

/** Encodes a reply as the canister would and decodes it as a client does. */
function replyOverTheWire(name: Name, outcome: Outcome<unknown>): unknown {
	if (outcome.kind === 'trap') return outcome;
	const types = methods[name].results;
	const values = types.length === 0 ? [] : [outcome.value];
	const decoded = IDL.decode(types, IDL.encode(types, values));
	return { kind: 'reply', value: decoded[0] ?? null };
}

function client() {
	const api = new CandidApi(new InternetIdentity(new InMemoryAnchorStore()));
	let now = 0n;
	const call = (name: Name, caller: Principal, ...args: unknown[]) => {
		const wire = overTheWire(name, args);
		now += 1n;
		const fn = api[name] as (...a: unknown[]) => Outcome<unknown>;
		const needsCallerAndTime = !['lookup', 'get_anchor_credentials'].includes(name);
		const outcome =
			name === 'lookup_caller_identity_by_recovery_phrase'
				? fn.call(api, caller)
				: needsCallerAndTime
					? fn.call(api, caller, now, ...wire)
					: fn.call(api, ...wire);
		return replyOverTheWire(name, outcome);
	};
	return { call };
}

const owner = keyOf(1);
const other = keyOf(2);
const phrase = keyOf(3);
const reply = (value: unknown) => ({ kind: 'reply', value });

function anchorWithPhrase() {
	const { call } = client();
	const created = call('create_anchor_for_local_development', owner.getPrincipal(), [
		deviceToWire(passkey(owner)),
		deviceToWire(phraseDevice(phrase))
	]);
	expect(created).toEqual(reply(10_000n));
	return { call, anchor: 10_000n };
}

describe('replies', () => {
	it('adds a device and shows it in lookup without its alias', () => {
		const { call, anchor } = anchorWithPhrase();
		expect(call('add', owner.getPrincipal(), anchor, deviceToWire(passkey(other)))).toEqual(
			reply(null)
		);
		const lookup = call('lookup', owner.getPrincipal(), anchor) as { value: { alias: string }[] };
		expect(lookup.value).toHaveLength(3);
		expect(lookup.value.every((d) => d.alias === '')).toBe(true);
	});

	it('returns credentials with the recovery phrase key', () => {
		const { call, anchor } = anchorWithPhrase();
		const result = call('get_anchor_credentials', owner.getPrincipal(), anchor) as {
			value: { recovery_phrases: Uint8Array[] };
		};
		expect(result.value.recovery_phrases).toEqual([der(phrase)]);
	});

	it('returns anchor info with last usage and creation time', () => {
		const { call, anchor } = anchorWithPhrase();
		const info = call('get_anchor_info', owner.getPrincipal(), anchor) as {
			value: { devices: { last_usage: [] | [bigint] }[]; created_at: [bigint] };
		};
		expect(info.value.devices.map((d) => d.last_usage)).toEqual([[2n], []]);
		expect(info.value.created_at).toEqual([1n]);
	});

	it('finds the anchor of the calling recovery phrase, and nothing for others', () => {
		const { call, anchor } = anchorWithPhrase();
		expect(call('lookup_caller_identity_by_recovery_phrase', phrase.getPrincipal())).toEqual(
			reply([anchor])
		);
		expect(call('lookup_caller_identity_by_recovery_phrase', owner.getPrincipal())).toEqual(
			reply([])
		);
	});

	it('protects the phrase and answers Ok', () => {
		const { call, anchor } = anchorWithPhrase();
		const protect = { protection: { Protected: null }, purpose: { Recovery: null } };
		expect(
			call(
				'authn_method_security_settings_replace',
				phrase.getPrincipal(),
				anchor,
				der(phrase),
				protect
			)
		).toEqual(reply({ Ok: null }));
	});

	it('answers AuthnMethodNotFound as a result variant, not a trap', () => {
		const { call, anchor } = anchorWithPhrase();
		const protect = { protection: { Protected: null }, purpose: { Recovery: null } };
		expect(
			call(
				'authn_method_security_settings_replace',
				owner.getPrincipal(),
				anchor,
				new Uint8Array([1, 2, 3, 4]),
				protect
			)
		).toEqual(reply({ Err: { AuthnMethodNotFound: null } }));
	});
});

describe('traps with II messages', () => {
	const stranger = Principal.selfAuthenticating(new Uint8Array([9, 9, 9]));

	it.each([
		['add', [10_000n, deviceToWire(passkey(other))]],
		['update', [10_000n, der(owner), deviceToWire(passkey(owner))]],
		['replace', [10_000n, der(owner), deviceToWire(passkey(other))]],
		['remove', [10_000n, der(owner)]],
		['get_anchor_info', [10_000n]],
		[
			'authn_method_security_settings_replace',
			[10_000n, der(phrase), { protection: { Protected: null }, purpose: { Recovery: null } }]
		]
	] as const)('%s traps for a caller who is not a device of the anchor', (name, args) => {
		const { call } = anchorWithPhrase();
		expect(call(name, stranger, ...args)).toEqual({
			kind: 'trap',
			message: `${stranger.toText()} could not be authenticated.`
		});
	});

	it('a protected phrase cannot be removed by another device', () => {
		const { call, anchor } = anchorWithPhrase();
		const protect = { protection: { Protected: null }, purpose: { Recovery: null } };
		call(
			'authn_method_security_settings_replace',
			phrase.getPrincipal(),
			anchor,
			der(phrase),
			protect
		);
		const outcome = call('remove', owner.getPrincipal(), anchor, der(phrase)) as Outcome<unknown>;
		expect(outcome.kind).toBe('trap');
		expect(outcome.kind === 'trap' && outcome.message).toMatch(
			/^failed to remove device: Device is locked\. Must be authenticated with this device to mutate/
		);
	});

	it('protecting a passkey traps', () => {
		const { call, anchor } = anchorWithPhrase();
		const protect = { protection: { Protected: null }, purpose: { Recovery: null } };
		expect(
			call(
				'authn_method_security_settings_replace',
				owner.getPrincipal(),
				anchor,
				der(owner),
				protect
			)
		).toEqual({
			kind: 'trap',
			message:
				'failed to modify device: Only recovery phrases can be locked but key type is Platform'
		});
	});

	it('creating an anchor for someone else traps', () => {
		const { call } = client();
		const outcome = call('create_anchor_for_local_development', other.getPrincipal(), [
			deviceToWire(passkey(owner))
		]) as Outcome<unknown>;
		expect(outcome.kind).toBe('trap');
	});

	it('queries of unknown anchors reply empty instead of trapping', () => {
		const { call } = client();
		expect(call('lookup', owner.getPrincipal(), 10_000n)).toEqual(reply([]));
		expect(call('get_anchor_credentials', owner.getPrincipal(), 10_000n)).toEqual(
			reply({ credentials: [], recovery_credentials: [], recovery_phrases: [] })
		);
	});
});
