// A management call that fails: thrown by a handler, answered as a reject.
import type { CallResult } from '../engine/errors';

/** Thrown inside a handler to reject the call. */
export class Rejection extends Error {
	constructor(readonly result: CallResult) {
		super(result.kind === 'reject' ? result.message : 'rejected');
	}
}
