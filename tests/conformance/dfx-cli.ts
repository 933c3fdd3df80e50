// A stand-in for the few `dfx` commands Azle 0.33's example tests run themselves (dfx cannot
// run here): `dfx deploy --upgrade-unchanged` upgrades every canister of the example with its
// module and no argument, as dfx does for unchanged code. Anything else exits with status 1.
import { HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { installCode } from '@tessera/devnet/server';
import { readFileSync } from 'node:fs';
import { DFX_STATE_VARIABLE, type DfxState } from './dfx-state';

const args = process.argv.slice(2);
const statePath = process.env[DFX_STATE_VARIABLE];
if (!statePath) throw new Error(`${DFX_STATE_VARIABLE} is not set`);
const state = JSON.parse(readFileSync(statePath, 'utf8')) as DfxState;

if (args[0] === 'deploy' && args.includes('--upgrade-unchanged')) {
	const identity = Ed25519KeyIdentity.fromSecretKey(Buffer.from(state.controllerSecretHex, 'hex'));
	const agent = await HttpAgent.create({ host: state.url, identity });
	await agent.fetchRootKey();
	for (const [name, { id, wasm }] of Object.entries(state.canisters)) {
		await installCode(agent, {
			canisterId: Principal.fromText(id),
			wasm: new Uint8Array(readFileSync(wasm)),
			arg: new Uint8Array(IDL.encode([], [])),
			mode: 'upgrade'
		});
		console.log(`Upgraded code for canister ${name}, with canister ID ${id}`);
	}
} else {
	console.error(`devnet conformance: \`dfx ${args.join(' ')}\` is not implemented`);
	process.exit(1);
}
