import { runExample } from './harness';

await runExample({ name: 'key_value_store', actors: ['key_value_store'] });
