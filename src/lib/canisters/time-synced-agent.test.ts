// Which failures the app's agent answers with a time sync and one more try (the retry itself
// runs against devnet in tests/agent/time-synced-agent.test.ts).
import {
	HttpErrorCode,
	IngressExpiryInvalidErrorCode,
	InputError,
	ProtocolError,
	TransportError,
	UnexpectedErrorCode
} from '@dfinity/agent';
import { describe, expect, it } from 'vitest';
import { isExpiryRefusal } from './time-synced-agent';

const REFUSAL =
	'Invalid request expiry: Specified ingress_expiry not within expected range: Minimum allowed expiry: 2, Maximum allowed expiry: 3, Provided expiry: 1';

describe('isExpiryRefusal', () => {
	it('an update or read_state refused for its expiry', () => {
		const error = InputError.fromCode(new IngressExpiryInvalidErrorCode(REFUSAL, 5));
		expect(isExpiryRefusal(error)).toBe(true);
	});

	it('a query refused for its expiry (an HTTP 400 with the replica’s text)', () => {
		const error = ProtocolError.fromCode(new HttpErrorCode(400, 'Bad Request', [], REFUSAL));
		expect(isExpiryRefusal(error)).toBe(true);
	});

	it('not other HTTP errors, transport failures or plain errors', () => {
		const other = ProtocolError.fromCode(new HttpErrorCode(400, 'Bad Request', [], 'Bad sig'));
		expect(isExpiryRefusal(other)).toBe(false);
		expect(isExpiryRefusal(TransportError.fromCode(new UnexpectedErrorCode('down')))).toBe(false);
		expect(isExpiryRefusal(new Error(REFUSAL))).toBe(false);
	});
});
