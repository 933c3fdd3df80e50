// What Azle 0.33's example tests import from 'azle/_internal/dfx': the ids of the example's
// canisters, here as the harness deployed them on devnet (instead of dfx's canister_ids.json).
const ids = new Map<string, string>();

export function registerCanisterIds(deployed: Record<string, string>): void {
	for (const [name, id] of Object.entries(deployed)) ids.set(name, id);
}

export function getCanisterId(name: string): string {
	const id = ids.get(name);
	if (!id) throw new Error(`no canister named ${name} in this example`);
	return id;
}
