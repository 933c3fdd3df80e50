import { runExample } from './harness';

await runExample({ name: 'rejections', actors: ['rejections'] });
