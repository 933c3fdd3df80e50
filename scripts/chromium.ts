// Where the browser tests find Chromium: Debian's package, never a Playwright download.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const CHROMIUM_MISSING_HELP =
	`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package with ` +
	'`sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH). ' +
	'Never run `playwright install`: it downloads a browser.';

export function chromiumAvailable() {
	return existsSync(CHROMIUM_PATH);
}
