import { runExample } from './harness';

await runExample({ name: 'composite_queries', actors: ['canister1'] });
