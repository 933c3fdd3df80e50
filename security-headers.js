// The app's security policy, in one place: svelte.config.js puts the Content-Security-Policy in
// the page's <meta> (SvelteKit adds the hashes of its inline boot script), and
// scripts/write-ic-assets.ts writes build/.ic-assets.json5 so that the IC's asset canister sends
// the same policy as a header, with what a <meta> cannot carry (frame-ancestors) and the other
// security headers.

const DEVNET_PORT = 4943;
const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True if `host` (VITE_IC_HOST) is a local devnet or replica: only then may the app reach it.
 * @param {string | undefined} host
 * @returns {host is string}
 */
export function isLocalHost(host) {
	if (!host || host.trim() === '') return false;
	const { hostname } = new URL(host);
	return LOCAL_HOSTNAMES.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * CSP directives for a build. `icHost`: VITE_IC_HOST (unset for mainnet). A mainnet build's
 * connect-src names only the IC API hosts; a devnet build adds the local devnet's origins.
 * @param {{ icHost?: string }} build
 * @returns {Record<string, string[]>}
 */
export function cspDirectives({ icHost } = {}) {
	const devnet = isLocalHost(icHost)
		? [
				`http://localhost:${DEVNET_PORT}`,
				`http://127.0.0.1:${DEVNET_PORT}`,
				`http://*.localhost:${DEVNET_PORT}`,
				new URL(icHost).origin
			]
		: [];
	return {
		'default-src': ['self'],
		'script-src': ['self'],
		// Only two fixed style attributes may apply: app.html's `display: contents` wrapper and
		// SvelteKit's route announcer (re-hash if a SvelteKit update changes it).
		'style-src': [
			'self',
			'unsafe-hashes',
			'sha256-tcbDxjMo+xKqM21aCGYbs/QAJqB7yUXC06oPWDapBgc=',
			'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
		],
		'img-src': ['self', 'data:'],
		'font-src': ['self'],
		'connect-src': [
			'self',
			'https://icp-api.io',
			'https://icp0.io',
			'https://*.icp0.io',
			'https://ic0.app',
			'https://*.ic0.app',
			...new Set(devnet)
		],
		'frame-src': ['none'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	};
}

/** Directives only a header can carry (a <meta> CSP ignores them). */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** The other headers every response carries. */
export const SECURITY_HEADERS = {
	'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
	// same-origin-allow-popups: the Internet Identity sign-in window must keep its opener.
	'Cross-Origin-Opener-Policy': 'same-origin-allow-popups'
};

/** @param {string} policy */
const withHeaderOnly = (policy) => `${policy.trim().replace(/;\s*$/, '')}; ${HEADER_ONLY_CSP}`;

/**
 * The asset canister's configuration (.ic-assets.json5) for a built app whose pages carry
 * `appCsp` (the policy SvelteKit wrote into index.html, hashes included). `ownPolicies`: pages
 * with a policy of their own (the offline recovery page), by path in the build: a later rule
 * overrides the earlier one for the headers it names.
 * @param {string} appCsp
 * @param {Record<string, string>} [ownPolicies]
 */
export function icAssetsConfig(appCsp, ownPolicies = {}) {
	return [
		{
			match: '**/*',
			// The headers are set here in full: no dfx default policy on top.
			security_policy: 'hardened',
			headers: { 'Content-Security-Policy': withHeaderOnly(appCsp), ...SECURITY_HEADERS },
			// Served only from the certified domain (<canister>.icp0.io), never from .raw.
			allow_raw_access: false
		},
		{
			// Hashed file names (SvelteKit's immutable assets) never change: cache them for a year.
			match: '_app/immutable/**/*',
			headers: { 'Cache-Control': 'public, max-age=31536000, immutable' }
		},
		...Object.entries(ownPolicies).map(([path, policy]) => ({
			match: path,
			headers: { 'Content-Security-Policy': withHeaderOnly(policy) }
		}))
	];
}
