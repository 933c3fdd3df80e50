import { runExample } from './harness';

await runExample({ name: 'manual_reply', actors: ['manual_reply'] });
