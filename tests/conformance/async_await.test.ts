import { runExample } from './harness';

await runExample({ name: 'async_await', actors: ['async_await'] });
