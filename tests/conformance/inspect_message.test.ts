import { runExample } from './harness';

await runExample({ name: 'inspect_message', actors: ['inspect_message'] });
