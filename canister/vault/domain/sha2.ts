// SHA-256 and SHA-224 (FIPS 180-4) for the canister's hot paths. In Azle's QuickJS every JS
// operation costs thousands of instructions, so one 64-byte block costs 9.0 M with
// @noble/hashes; this plain 32-bit version (one reused message schedule, rotations written out,
// no class layers) costs 6.5 M. Property-tested equal to @noble/hashes (tests/unit/vault).

const K = Int32Array.from([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
const IV_256 = [
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
];
const IV_224 = [
	0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4
];
/** The message schedule, reused by every block (the canister runs one message at a time). */
const W = new Int32Array(64);

// Rotations are written out: a function call costs more than the rotation in QuickJS.
function compress(state: Int32Array, block: Uint8Array, offset: number): void {
	for (let t = 0; t < 16; t++) {
		const i = offset + t * 4;
		W[t] =
			((block[i] as number) << 24) |
			((block[i + 1] as number) << 16) |
			((block[i + 2] as number) << 8) |
			(block[i + 3] as number);
	}
	for (let t = 16; t < 64; t++) {
		const w15 = W[t - 15] as number;
		const w2 = W[t - 2] as number;
		const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
		const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
		W[t] = ((W[t - 16] as number) + s0 + (W[t - 7] as number) + s1) | 0;
	}
	let a = state[0] as number;
	let b = state[1] as number;
	let c = state[2] as number;
	let d = state[3] as number;
	let e = state[4] as number;
	let f = state[5] as number;
	let g = state[6] as number;
	let h = state[7] as number;
	for (let t = 0; t < 64; t++) {
		const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (W[t] as number)) | 0;
		const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		h = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	state[0] = ((state[0] as number) + a) | 0;
	state[1] = ((state[1] as number) + b) | 0;
	state[2] = ((state[2] as number) + c) | 0;
	state[3] = ((state[3] as number) + d) | 0;
	state[4] = ((state[4] as number) + e) | 0;
	state[5] = ((state[5] as number) + f) | 0;
	state[6] = ((state[6] as number) + g) | 0;
	state[7] = ((state[7] as number) + h) | 0;
}

function digest(message: Uint8Array, iv: readonly number[], words: number): Uint8Array {
	const state = Int32Array.from(iv);
	const length = message.length;
	// Message || 0x80 || zeros || 64-bit big-endian bit length, a multiple of 64 bytes.
	const padded = new Uint8Array((((length + 8) >>> 6) + 1) << 6);
	padded.set(message);
	padded[length] = 0x80;
	const bits = length * 8;
	const end = padded.length;
	padded[end - 5] = Math.floor(bits / 2 ** 32) & 0xff;
	padded[end - 4] = bits >>> 24;
	padded[end - 3] = (bits >>> 16) & 0xff;
	padded[end - 2] = (bits >>> 8) & 0xff;
	padded[end - 1] = bits & 0xff;
	for (let offset = 0; offset < end; offset += 64) compress(state, padded, offset);
	const out = new Uint8Array(words * 4);
	for (let i = 0; i < words; i++) {
		const word = state[i] as number;
		out[i * 4] = word >>> 24;
		out[i * 4 + 1] = (word >>> 16) & 0xff;
		out[i * 4 + 2] = (word >>> 8) & 0xff;
		out[i * 4 + 3] = word & 0xff;
	}
	return out;
}

/** SHA-256 of a message shorter than 2^32 bytes (the canister's inputs are a few hundred). */
export function sha256(message: Uint8Array): Uint8Array {
	return digest(message, IV_256, 8);
}

export function sha224(message: Uint8Array): Uint8Array {
	return digest(message, IV_224, 7);
}
