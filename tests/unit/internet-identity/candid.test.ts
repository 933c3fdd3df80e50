// Proves the local canister speaks the same Candid as the real Internet Identity for the subset
// Tessera uses. Three descriptions must agree method by method, type by type (structurally,
// after resolving type names, see candid-text.ts):
//   1. fixtures/ii-subset.did: an excerpt of II's own internet_identity.did (commit noted there);
//   2. domain/idl.ts: the IDL module the canister and clients use (single source of truth);
//   3. internet_identity.did: what Azle generates from the canister (kept fresh by
//      `scripts/build-canisters.ts --check`).
import { IDL } from '@dfinity/candid';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DeviceData,
	iiMethods,
	ii2Methods,
	idlFactory,
	localOnlyMethods,
	MetadataMap
} from '../../../canister/internet_identity/domain/idl';
import {
	canonicalDid,
	canonicalDidMethod,
	canonicalIdl,
	canonicalIdlMethod,
	parseDid,
	type Did
} from './candid-text';

const fixtureText = readFileSync(new URL('./fixtures/ii-subset.did', import.meta.url), 'utf8');
const generatedText = readFileSync(
	new URL('../../../canister/internet_identity/internet_identity.did', import.meta.url),
	'utf8'
);
const ii = parseDid(fixtureText);
const generated = parseDid(generatedText);

function method(did: Did, name: string) {
	const m = did.methods.get(name);
	if (!m) throw new Error(`no method ${name}`);
	return canonicalDidMethod(m, did);
}

const iiNames = Object.keys(iiMethods) as (keyof typeof iiMethods)[];

describe('the II subset', () => {
	it('covers exactly the methods of the excerpt', () => {
		expect([...ii.methods.keys()].sort()).toEqual([...iiNames].sort());
	});

	it.each(iiNames)('%s: the IDL module equals II', (name) => {
		expect(canonicalIdlMethod(iiMethods[name])).toBe(method(ii, name));
	});

	it.each(iiNames)('%s: the generated .did equals II', (name) => {
		expect(method(generated, name)).toBe(method(ii, name));
	});

	it('the generated .did has only the subset, II 2.0 methods and the local-only methods', () => {
		expect([...generated.methods.keys()].sort()).toEqual(
			[...iiNames, ...Object.keys(ii2Methods), ...Object.keys(localOnlyMethods)].sort()
		);
		for (const [name, m] of Object.entries(ii2Methods)) {
			expect(method(generated, name), name).toBe(canonicalIdlMethod(m));
		}
		expect(method(generated, 'create_anchor_for_local_development')).toBe(
			canonicalIdlMethod(localOnlyMethods.create_anchor_for_local_development)
		);
	});

	it('the client IDL factory declares the same methods', () => {
		const service = idlFactory({ IDL }) as IDL.ServiceClass;
		for (const [name, func] of service._fields) {
			const m = { ...iiMethods, ...ii2Methods, ...localOnlyMethods }[
				name as keyof typeof iiMethods
			];
			expect(
				canonicalIdlMethod({
					args: func.argTypes,
					results: func.retTypes,
					query: func.annotations.includes('query')
				})
			).toBe(canonicalIdlMethod(m));
		}
		expect(service._fields).toHaveLength(
			iiNames.length + Object.keys(ii2Methods).length + Object.keys(localOnlyMethods).length
		);
	});
});

describe('the comparison can fail', () => {
	const canonicalOf = (text: string, name: string) => {
		const did = parseDid(text);
		return canonicalDid({ kind: 'ref', name }, did);
	};

	it('resolves recursive types the same way on both sides', () => {
		expect(canonicalIdl(MetadataMap)).toBe(canonicalOf(fixtureText, 'MetadataMap'));
		expect(canonicalIdl(MetadataMap)).toContain('^');
	});

	it('sees a missing record field', () => {
		const withoutAaguid = fixtureText.replace('aaguid : opt Aaguid;', '');
		expect(canonicalOf(withoutAaguid, 'DeviceData')).not.toBe(canonicalIdl(DeviceData));
	});

	it('sees a renamed variant case', () => {
		const renamed = fixtureText.replace('seed_phrase;', 'recovery_phrase;');
		expect(canonicalOf(renamed, 'DeviceData')).not.toBe(canonicalIdl(DeviceData));
	});

	it('sees a changed field type', () => {
		const changed = fixtureText.replace('alias : text;', 'alias : opt text;');
		expect(canonicalOf(changed, 'DeviceData')).not.toBe(canonicalIdl(DeviceData));
	});

	it('sees a query that became an update', () => {
		const asUpdate = parseDid(fixtureText.replace('(vec DeviceData) query', '(vec DeviceData)'));
		expect(method(asUpdate, 'lookup')).not.toBe(canonicalIdlMethod(iiMethods.lookup));
	});

	it('treats blob and vec nat8 as the same type', () => {
		const did = parseDid('type A = record { a : blob }; type B = record { a : vec nat8 };');
		expect(canonicalDid({ kind: 'ref', name: 'A' }, did)).toBe(
			canonicalDid({ kind: 'ref', name: 'B' }, did)
		);
	});
});
