import { runExample } from './harness';

await runExample({
	name: 'stable_structures',
	actors: ['canister1', 'canister2', 'canister3']
});
