import { runExample } from './harness';

await runExample({ name: 'call_raw', actors: ['call_raw'] });
