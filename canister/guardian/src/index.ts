import { IDL, query } from 'azle';

/** Semantic version of the guardian canister's interface and state layout. */
export const GUARDIAN_VERSION = '0.1.0';

export default class Guardian {
	@query([], IDL.Text)
	version(): string {
		return GUARDIAN_VERSION;
	}
}
