import { runExample } from './harness';

await runExample({ name: 'pre_and_post_upgrade', actors: ['pre_and_post_upgrade'] });
