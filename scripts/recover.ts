#!/usr/bin/env -S npx tsx
// `npm run recover -- --help`: recover a phrase through the vault canister with no browser and no
// Tessera website (scripts/recover/run.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { runRecover } from './recover/run';

process.exitCode = await runRecover(process.argv.slice(2), {
	out: (line) => console.log(line),
	err: (line) => console.error(line),
	sleep: (ms) => sleep(ms)
});
