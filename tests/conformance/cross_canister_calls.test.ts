import { runExample } from './harness';

await runExample({ name: 'cross_canister_calls', actors: ['canister1', 'canister2'] });
