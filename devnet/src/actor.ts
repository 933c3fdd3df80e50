// Candid actors over devnet calls, in the shape of PicJS's actors: one async function per
// service method, plus setPrincipal / setIdentity to change the caller.
import type { Identity } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';

export type ActorMethodCaller = (call: {
	method: string;
	arg: Uint8Array;
	sender: Principal;
	query: boolean;
}) => Promise<Uint8Array>;

export interface ActorControls {
	setPrincipal(principal: Principal): void;
	setIdentity(identity: Identity): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Actor<T = Record<string, (...args: any[]) => Promise<any>>> = T & ActorControls;

export function createActor<T>(
	idlFactory: IDL.InterfaceFactory,
	call: ActorMethodCaller,
	initialSender: Principal = Principal.anonymous()
): Actor<T> {
	const service = idlFactory({ IDL });
	let sender = initialSender;
	const actor: Record<string, unknown> = {
		setPrincipal: (principal: Principal) => (sender = principal),
		setIdentity: (identity: Identity) => (sender = identity.getPrincipal())
	};
	for (const [name, func] of service._fields) {
		const query =
			func.annotations.includes('query') || func.annotations.includes('composite_query');
		actor[name] = async (...args: unknown[]) => {
			const arg = new Uint8Array(IDL.encode(func.argTypes, args));
			const bytes = await call({ method: name, arg, sender, query });
			const results = IDL.decode(func.retTypes, bytes);
			if (results.length === 0) return undefined;
			return results.length === 1 ? results[0] : results;
		};
	}
	return actor as Actor<T>;
}
