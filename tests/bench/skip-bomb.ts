// Instructions the vault canister spends on hostile Candid arguments (tests/adversary), through
// canister_inspect_message (ingress) and in the method itself (the inter-canister path).
// Usage: tsx tests/bench/skip-bomb.ts [vault.wasm]  (default: this checkout's build)
import { Principal } from '@dfinity/principal';
import {
	bareVecNull,
	nestedTable,
	oversized,
	skipBomb,
	type MethodName
} from '../adversary/hostile-candid';
import { wasmPath } from '../canister/global-setup';
import { identity, Net } from '../canister/vault/harness';

const wasm = process.argv[2] ?? wasmPath('vault');
const METHODS: MethodName[] = ['approve_recovery', 'open_recovery', 'vetkd_public_keys'];
const VARIANTS: [string, (method: MethodName) => Uint8Array][] = [
	['skip bomb (extra vec null 2^31)', (method) => skipBomb(method)],
	['bare vec null 2^31', () => bareVecNull()],
	['nested table 2,000', () => nestedTable(2_000)],
	['over size bound', oversized]
];

const net = await Net.create(wasm);
const sender: Principal = identity().getPrincipal();
const canisterId = net.vaultCanisterId;
console.log(`vault wasm: ${wasm}`);
for (const method of METHODS) {
	for (const [name, make] of VARIANTS) {
		const arg = make(method);
		const inspected = net.devnet.inspectMessage({ canisterId, method, arg, sender });
		const started = Date.now();
		const direct = await net.devnet.engine.update(canisterId, method, arg, sender);
		const outcome = (r: typeof direct) =>
			r.result.kind === 'reply' ? 'reply' : `reject ${r.result.errorCode}`;
		console.log(
			`${method} / ${name}: inspect ${outcome(inspected)} ${(Number(inspected.instructions) / 1e6).toFixed(2)} M;` +
				` method ${outcome(direct)} ${(Number(direct.instructions) / 1e6).toFixed(2)} M` +
				` (${Date.now() - started} ms)`
		);
	}
}
process.exit(0);
