// Reading bytes as a stream of big-endian bit groups (BIP39 style, 11 bits a word).

/** Splits `bytes` into `count` groups of `width` bits, most significant bit first. */
export function bitGroups(bytes: Uint8Array, width: number, count: number): number[] {
	const groups: number[] = [];
	let accumulator = 0;
	let bits = 0;
	let offset = 0;
	while (groups.length < count) {
		if (bits < width) {
			if (offset >= bytes.length) throw new RangeError('not enough bits');
			accumulator = ((accumulator << 8) | (bytes[offset++] ?? 0)) & 0xffffff;
			bits += 8;
			continue;
		}
		groups.push((accumulator >>> (bits - width)) & ((1 << width) - 1));
		bits -= width;
	}
	return groups;
}

/** Packs groups of `width` bits into bytes, most significant first; trailing bits are dropped. */
export function packBitGroups(groups: readonly number[], width: number): Uint8Array {
	const out = new Uint8Array(Math.floor((groups.length * width) / 8));
	let accumulator = 0;
	let bits = 0;
	let offset = 0;
	for (const group of groups) {
		accumulator = ((accumulator << width) | group) & 0xffffff;
		bits += width;
		while (bits >= 8 && offset < out.length) {
			out[offset++] = (accumulator >>> (bits - 8)) & 0xff;
			bits -= 8;
		}
	}
	return out;
}
