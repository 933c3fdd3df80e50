import { runExample } from './harness';

await runExample({ name: 'null_example', actors: ['null_example'] });
