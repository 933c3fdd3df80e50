// Strict DER for the two shapes user keys and signatures take (X.690): SubjectPublicKeyInfo
// (RFC 5280: SEQUENCE { AlgorithmIdentifier SEQUENCE, BIT STRING }) and ECDSA signatures
// (RFC 3279: SEQUENCE { INTEGER r, INTEGER s }). Lengths must be minimal and every element must
// end exactly where its parent does, so one value has exactly one encoding.

interface Element {
	tag: number;
	content: Uint8Array;
	end: number;
}

/** The element at `offset`, or undefined when it is not minimal, definite DER inside `bytes`. */
function element(bytes: Uint8Array, offset: number): Element | undefined {
	const tag = bytes[offset];
	const first = bytes[offset + 1];
	if (tag === undefined || first === undefined) return undefined;
	let length = first;
	let start = offset + 2;
	if (first & 0x80) {
		const count = first & 0x7f;
		if (count === 0 || count > 4 || bytes[start] === 0) return undefined;
		length = 0;
		for (let i = 0; i < count; i++) {
			const byte = bytes[start + i];
			if (byte === undefined) return undefined;
			length = length * 256 + byte;
		}
		if (length < 0x80) return undefined; // the short form was required
		start += count;
	}
	const end = start + length;
	if (end > bytes.length) return undefined;
	return { tag, content: bytes.subarray(start, end), end };
}

/** The only element of `bytes`, with the given tag. */
function whole(bytes: Uint8Array, tag: number): Uint8Array | undefined {
	const found = element(bytes, 0);
	return found && found.tag === tag && found.end === bytes.length ? found.content : undefined;
}

/** Two elements that fill `content` exactly. */
function pair(content: Uint8Array): [Element, Element] | undefined {
	const first = element(content, 0);
	if (!first) return undefined;
	const second = element(content, first.end);
	if (!second || second.end !== content.length) return undefined;
	return [first, second];
}

export interface SubjectPublicKeyInfo {
	/** Content of the AlgorithmIdentifier SEQUENCE (the OID and any parameters, as DER). */
	algorithm: Uint8Array;
	/** The BIT STRING's bytes (no unused bits allowed). */
	key: Uint8Array;
}

export function parseSubjectPublicKeyInfo(der: Uint8Array): SubjectPublicKeyInfo | undefined {
	const sequence = whole(der, 0x30);
	const parts = sequence && pair(sequence);
	if (!parts) return undefined;
	const [algorithm, bitString] = parts;
	if (algorithm.tag !== 0x30 || bitString.tag !== 0x03 || bitString.content[0] !== 0) {
		return undefined;
	}
	return { algorithm: algorithm.content, key: bitString.content.subarray(1) };
}

/** A positive INTEGER as a fixed-width big-endian number, or undefined if not minimal DER. */
function unsignedInteger(integer: Element, width: number): Uint8Array | undefined {
	const bytes = integer.content;
	if (integer.tag !== 0x02 || bytes.length === 0 || (bytes[0] as number) & 0x80) return undefined;
	if (bytes.length > 1 && bytes[0] === 0 && !((bytes[1] as number) & 0x80)) return undefined;
	const magnitude = bytes[0] === 0 ? bytes.subarray(1) : bytes;
	if (magnitude.length > width) return undefined;
	const fixed = new Uint8Array(width);
	fixed.set(magnitude, width - magnitude.length);
	return fixed;
}

/** A DER ECDSA signature (r, s) as 2 x `width` bytes r || s, or undefined if malformed. */
export function ecdsaSignatureFromDer(der: Uint8Array, width = 32): Uint8Array | undefined {
	const sequence = whole(der, 0x30);
	const parts = sequence && pair(sequence);
	if (!parts) return undefined;
	const r = unsignedInteger(parts[0], width);
	const s = unsignedInteger(parts[1], width);
	if (!r || !s) return undefined;
	const joined = new Uint8Array(2 * width);
	joined.set(r);
	joined.set(s, width);
	return joined;
}
