// The 64 verification-code symbols, drawn for this app as 24x24 stroke outlines (one SVG path
// each), so every browser shows the same picture: no emoji font is involved.
import type { SymbolWord } from '$lib/crypto/verification-code';

/** A circle as path data (so every drawing is one path). */
function o(cx: number, cy: number, r: number): string {
	return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

export const SYMBOL_DRAWINGS: Readonly<Record<SymbolWord, string>> = {
	circle: o(12, 12, 8),
	square: 'M5 5h14v14H5z',
	triangle: 'M12 4l8 15H4z',
	diamond: 'M12 3l8 9-8 9-8-9z',
	hexagon: 'M12 3l7.8 4.5v9L12 21l-7.8-4.5v-9z',
	star: 'M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6L12 16.5l-5.4 3 1.2-6-4.5-4.2 6.1-.7z',
	heart: 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z',
	cross: 'M9 4h6v5h5v6h-5v5H9v-5H4V9h5z',
	ring: o(12, 12, 8) + o(12, 12, 4),
	spiral:
		'M12 12a1.5 1.5 0 0 1 3 0a3 3 0 0 1-6 0a4.5 4.5 0 0 1 9 0a6 6 0 0 1-12 0a7.5 7.5 0 0 1 15 0',
	wave: 'M3 10c3-4 6 4 9 0s6 4 9 0M3 16c3-4 6 4 9 0s6 4 9 0',
	arrow: 'M4 12h15M13 6l6 6-6 6',
	sun:
		o(12, 12, 4) +
		'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
	moon: 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
	cloud: 'M7 18a4 4 0 0 1-.5-8A5.5 5.5 0 0 1 17 8.5a4.5 4.5 0 0 1 .5 9.5z',
	drop: 'M12 3s6 7 6 11a6 6 0 0 1-12 0c0-4 6-11 6-11z',
	bolt: 'M13 2L5 14h6l-1 8 8-12h-6z',
	snowflake: 'M12 3v18M4.2 7.5l15.6 9M4.2 16.5l15.6-9M9.5 4.5L12 7l2.5-2.5M9.5 19.5L12 17l2.5 2.5',
	mountain: 'M2 20l7-12 4 6 3-4 6 10z',
	leaf: 'M5 19C5 10 10 5 20 4c-1 10-6 15-15 15zM5 19l8-8',
	tree: 'M12 3l6 9h-3l4 6H5l4-6H6zM12 18v4',
	flower: o(12, 10, 2) + o(12, 6, 2) + o(16, 10, 2) + o(12, 14, 2) + o(8, 10, 2) + 'M12 16v6',
	mushroom: 'M4 12a8 7 0 0 1 16 0zM10 12v7a2 2 0 0 0 4 0v-7',
	cactus: 'M10 21V5a2 2 0 0 1 4 0v16M10 13H7a2 2 0 0 1-2-2V8M14 11h3a2 2 0 0 0 2-2V6M7 21h10',
	apple:
		'M12 7c-2-1.5-7-1-7 5 0 4 3 8 5 8 1 0 1.2-.5 2-.5s1 .5 2 .5c2 0 5-4 5-8 0-6-5-6.5-7-5zM12 7c0-2 1-4 3-4',
	cherry: o(7, 17, 3) + o(17, 17, 3) + 'M7 14c1-5 4-9 8-11M17 14c-1-4-1-8-2-11',
	lemon: 'M4 12c0-4 4-7 8-7s8 3 8 7-4 7-8 7-8-3-8-7zM2 12h2M20 12h2',
	grapes:
		o(8, 9, 2) +
		o(12, 9, 2) +
		o(16, 9, 2) +
		o(10, 13, 2) +
		o(14, 13, 2) +
		o(12, 17, 2) +
		'M12 7l2-4',
	carrot: 'M16 8L4 20l13-9zM16 8l2-5M17 11l4-1M16.5 9.5L20 6',
	egg: 'M12 3c4 0 7 7 7 11a7 7 0 0 1-14 0c0-4 3-11 7-11z',
	cheese: 'M3 18v-7l14-6 4 6v7zM3 11h18' + o(8, 15, 1.5) + o(15, 14.5, 1),
	pizza: 'M12 21L3 5c6-3 12-3 18 0zM4.5 8c5-2 10-2 15 0' + o(11, 11, 1.3) + o(13, 15, 1.3),
	fish: 'M2 12c4-6 11-6 15 0-4 6-11 6-15 0zM17 12l5-4v8z' + o(7, 11, 0.8),
	bird: 'M2 9c4-2 7-1 10 4 3-5 6-6 10-4',
	snail: o(11, 12, 6) + o(11, 12, 2.5) + 'M3 18h17a2 2 0 0 0 2-2V9M22 9l-2-3M22 9l1-3',
	bone: 'M8 6a2.5 2.5 0 1 0-2 3.5L14.5 18a2.5 2.5 0 1 0 3.5 2 2.5 2.5 0 1 0 2-3.5L9.5 8A2.5 2.5 0 1 0 8 6z',
	feather: 'M20 4C10 4 5 10 5 19l10-4c4-2 5-7 5-11zM5 19l-2 2M5 19L15 9',
	shell: 'M12 20L4 10c2-4 5-6 8-6s6 2 8 6zM12 20V4M12 20L8 6M12 20l4-14',
	house: 'M3 11l9-8 9 8M5 9v11h14V9M10 20v-6h4v6',
	key: o(7, 12, 4) + 'M11 12h10M18 12v3M21 12v3',
	lock: 'M6 11h12v10H6zM8 11V8a4 4 0 0 1 8 0v3',
	bell: 'M6 17v-6a6 6 0 0 1 12 0v6l2 2H4zM10 21h4',
	anchor: o(12, 5, 2) + 'M12 7v14M7 11h10M4 14c0 4 4 7 8 7s8-3 8-7',
	flag: 'M5 21V3M5 4h13l-3 4 3 4H5',
	crown: 'M3 18L2 7l5 4 5-7 5 7 5-4-1 11zM3 21h18',
	cup: 'M5 8h12v6a6 6 0 0 1-12 0zM17 10h2a2 2 0 0 1 0 4h-2M4 21h14',
	umbrella: 'M2 12a10 9 0 0 1 20 0zM12 12v7a2 2 0 0 1-4 0',
	eye: 'M2 12c3-5 7-7 10-7s7 2 10 7c-3 5-7 7-10 7s-7-2-10-7z' + o(12, 12, 3),
	clock: o(12, 12, 9) + 'M12 7v5l3 3',
	bulb: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.5.4.5 1.1.5 2.1h6c0-1 0-1.7.5-2.1A6 6 0 0 0 12 3z',
	book: 'M4 5a1 1 0 0 1 1-1h6a2 2 0 0 1 1 1 2 2 0 0 1 1-1h6a1 1 0 0 1 1 1v14h-7l-1 1-1-1H4zM12 5v15',
	letter: 'M3 6h18v12H3zM3 6l9 7 9-7',
	pencil: 'M4 20l1-5L16 4l4 4L9 19zM14 6l4 4M5 15l4 4',
	hammer: 'M13 3h6l2 2v4h-3l-2-2h-3zM14 7l-9 9a1.5 1.5 0 0 0 3 3l9-9',
	glasses: o(6.5, 14, 3.5) + o(17.5, 14, 3.5) + 'M10 14h4M3 14l1-6M21 14l-1-6',
	hat: 'M3 18h18M6 18V9a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v9M6 14h12',
	globe: o(12, 12, 9) + 'M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
	kite: 'M12 2l7 8-7 10-7-10zM5 10h14M12 2v18M12 20c-1 1 1 2 0 3',
	balloon: 'M12 16c-4 0-6-4-6-7a6 6 0 0 1 12 0c0 3-2 7-6 7zM12 16l-1 2h2zM12 18c0 2-2 2-1 4',
	rocket:
		'M12 2c3 2 5 6 5 10v5H7v-5c0-4 2-8 5-10zM7 13l-3 4v3l3-2M17 13l3 4v3l-3-2M10 20h4l-1 2h-2z' +
		o(12, 9, 1.5),
	boat: 'M3 15h18l-3 5H6zM12 15V3l7 10h-7',
	wheel: o(12, 12, 9) + o(12, 12, 2) + 'M12 3v7M12 14v7M3 12h7M14 12h7',
	candle: 'M9 10h6v11H9zM12 10V7M12 3c1.5 1.5 1.5 3 0 4-1.5-1-1.5-2.5 0-4z',
	magnet: 'M5 3h4v9a3 3 0 0 0 6 0V3h4v9a7 7 0 0 1-14 0zM5 7h4M15 7h4'
};
