import { runExample } from './harness';

await runExample({ name: 'timers', actors: ['timers'] });
