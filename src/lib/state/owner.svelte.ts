// The signed-in owner's context (canisters as the owner, II), created once per identity.
import { FlowError } from '$lib/services/errors';
import { ownerContext } from '$lib/services/owner-context';
import type { OwnerContext } from '$lib/services/owner';
import { session } from './session.svelte';

let cached: { principal: string; context: Promise<OwnerContext> } | undefined;

/** The owner context for the signed-in user; throws when signed out. */
export function currentOwnerContext(): Promise<OwnerContext> {
	const identity = session.identity;
	const principal = session.principal;
	if (!identity || !principal) return Promise.reject(new FlowError('signed-out', 'Sign in first.'));
	if (cached?.principal !== principal) {
		const context = ownerContext(identity, location.origin);
		context.catch(() => {
			if (cached?.context === context) cached = undefined; // try again next time
		});
		cached = { principal, context };
	}
	return cached.context;
}
