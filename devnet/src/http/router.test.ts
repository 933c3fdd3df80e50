import { Principal } from '@dfinity/principal';
import { describe, expect, test } from 'vitest';
import { route } from './router';
import { expectHttpError } from './testing/expect-error';

const id = 'ryjl3-tyaaa-aaaaa-aaaba-cai';
const bytes = Principal.fromText(id).toUint8Array();
const subnet = 'tdb26-jop6k-aogll-7ltgs-eruif-6kk7m-qpktf-gdiqx-mxtrf-vb5e6-eqe';

describe('route', () => {
	test('the endpoints of the IC HTTP interface', () => {
		expect(route('GET', '/api/v2/status')).toEqual({ endpoint: 'status' });
		expect(route('get', '/api/v2/status?x=1')).toEqual({ endpoint: 'status' });
		expect(route('POST', `/api/v2/canister/${id}/call`)).toEqual({
			endpoint: 'call',
			version: 'v2',
			effectiveCanisterId: bytes
		});
		expect(route('POST', `/api/v3/canister/${id}/call`)).toEqual({
			endpoint: 'call',
			version: 'v3',
			effectiveCanisterId: bytes
		});
		expect(route('POST', `/api/v2/canister/${id}/query`)).toEqual({
			endpoint: 'query',
			effectiveCanisterId: bytes
		});
		expect(route('POST', `/api/v2/canister/${id}/read_state`)).toEqual({
			endpoint: 'read_state',
			scope: 'canister',
			effectiveCanisterId: bytes
		});
		expect(route('POST', `/api/v2/subnet/${subnet}/read_state`)).toEqual({
			endpoint: 'read_state',
			scope: 'subnet',
			subnetId: Principal.fromText(subnet).toUint8Array()
		});
		expect(route('POST', '/api/v2/canister/aaaaa-aa/call')).toEqual({
			endpoint: 'call',
			version: 'v2',
			effectiveCanisterId: new Uint8Array()
		});
	});

	test('CORS preflight on any endpoint', () => {
		expect(route('OPTIONS', `/api/v3/canister/${id}/call`)).toEqual({ endpoint: 'cors_preflight' });
		expect(route('OPTIONS', '/api/v2/status')).toEqual({ endpoint: 'cors_preflight' });
	});

	test.each([
		'/',
		'/api/v2',
		'/api/v2/statusx',
		`/api/v3/canister/${id}/query`,
		`/api/v3/canister/${id}/read_state`,
		`/api/v4/canister/${id}/call`,
		`/api/v2/canister/${id}/call/extra`,
		`/api/v2/canister/${id}/update`,
		`/api/v2/subnet/${subnet}/call`
	])('unknown route %s is 404', (path) => {
		expectHttpError(() => route('POST', path), 'route_not_found');
		expectHttpError(() => route('OPTIONS', path), 'route_not_found');
	});

	test('wrong methods are 405', () => {
		expectHttpError(() => route('POST', '/api/v2/status'), 'method_not_allowed');
		expectHttpError(() => route('GET', `/api/v3/canister/${id}/call`), 'method_not_allowed');
		expectHttpError(() => route('PUT', `/api/v2/canister/${id}/query`), 'method_not_allowed');
	});

	test('ids that are not principals are 400', () => {
		expectHttpError(
			() => route('POST', '/api/v2/canister/not-a-principal/call'),
			'malformed_request'
		);
		expectHttpError(
			() => route('POST', '/api/v2/canister/ryjl3-tyaaa-aaaaa-aaaba-cak/query'),
			'malformed_request'
		);
		expectHttpError(() => route('POST', '/api/v2/subnet/%ZZ/read_state'), 'malformed_request');
	});
});
