import { runExample } from './harness';

await runExample({ name: 'cycles', actors: ['cycles', 'intermediary'] });
