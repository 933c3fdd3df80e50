import { runExample } from './harness';

await runExample({ name: 'counter', actors: ['counter'] });
