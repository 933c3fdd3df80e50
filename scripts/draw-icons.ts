// Draws the web app's PNG icons from static/icon.svg with the browser the tests use (no image
// tool needed): `npx tsx scripts/draw-icons.ts`. The PNGs are committed; run again after
// changing the SVG.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const svg = readFileSync('static/icon.svg', 'utf8');
const SIZES: [file: string, size: number][] = [
	['static/icon-192.png', 192],
	['static/icon-512.png', 512],
	['static/apple-touch-icon.png', 180]
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	for (const [file, size] of SIZES) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const body = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
		await page.setContent(`<body style="margin:0">${body}</body>`);
		await page.screenshot({ path: file, omitBackground: true });
		await page.close();
		console.log(`drew ${file} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
