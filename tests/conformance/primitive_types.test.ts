import { runExample } from './harness';

await runExample({ name: 'primitive_types', actors: ['primitive_types'] });
