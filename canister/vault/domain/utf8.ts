// UTF-8 for the canister's hot paths. Azle's TextEncoder/TextDecoder are a JS polyfill costing
// ~60 k instructions per character in QuickJS (0.7 M for one label). The canister's texts
// (labels, principal texts as index keys, the key name) are nearly always ASCII, where UTF-8 is
// the character codes themselves: a native regex test and String.fromCharCode do the work.
// Anything else goes through TextEncoder/TextDecoder (property-tested equal).

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
/** Longer inputs skip the fast path (String.fromCharCode.apply takes one argument per byte). */
const MAX_FAST_BYTES = 4096;

export function utf8Encode(text: string): Uint8Array {
	if (text.length > MAX_FAST_BYTES || !ASCII.test(text)) return new TextEncoder().encode(text);
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
	return out;
}

/** `fatal`: invalid UTF-8 throws (as Candid requires) instead of decoding to U+FFFD. */
export function utf8Decode(bytes: Uint8Array, fatal = false): string {
	if (bytes.length <= MAX_FAST_BYTES) {
		const text = String.fromCharCode.apply(null, bytes as unknown as number[]);
		if (ASCII.test(text)) return text;
	}
	return new TextDecoder('utf-8', { fatal }).decode(bytes);
}

/** The UTF-8 length of `text` in bytes. */
export function utf8Length(text: string): number {
	return text.length <= MAX_FAST_BYTES && ASCII.test(text)
		? text.length
		: new TextEncoder().encode(text).length;
}
