// What the "Protect my anchor" wizard keeps across a reload of its tab: only what holds no secret
// (the anchor number, guardian names and contact details, the rules, the vault's id, the step).
// Never the phrase, its entropy, the shares or the invitation links: a stored link would let
// anything that reads this tab's storage become a guardian, and "Send a new link" replaces a lost
// one. sessionStorage: it survives a reload, is gone when the tab is closed (the dashboard takes
// over from there), and is not shared with other tabs.

export const PROGRESS_KEY = 'tessera.protect-progress';
const VERSION = 1;

export interface GuardianContact {
	phone: string;
	email: string;
}

export interface ProtectProgress {
	anchor: bigint;
	guardians: string[];
	/** By guardian, in the order of `guardians`; for the printed kit only, never sent. */
	contacts: GuardianContact[];
	policy?: { threshold: number; delayHours: number };
	vaultId?: bigint;
	/** The wizard's step (index into PROTECT_STEPS) when it was saved. */
	step: number;
}

/** The storage the progress lives in: sessionStorage in the app, a map in tests. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface Stored {
	version: number;
	anchor: string;
	guardians: string[];
	contacts: GuardianContact[];
	policy?: { threshold: number; delayHours: number };
	vaultId?: string;
	step: number;
}

export function saveProgress(storage: ProgressStorage, progress: ProtectProgress): void {
	const stored: Stored = {
		version: VERSION,
		anchor: progress.anchor.toString(),
		guardians: [...progress.guardians],
		contacts: progress.contacts.map(({ phone, email }) => ({ phone, email })),
		policy: progress.policy && { ...progress.policy },
		vaultId: progress.vaultId?.toString(),
		step: progress.step
	};
	try {
		storage.setItem(PROGRESS_KEY, JSON.stringify(stored));
	} catch {
		// Storage full or refused (private mode): the wizard still works, a reload starts over.
	}
}

export function clearProgress(storage: ProgressStorage): void {
	try {
		storage.removeItem(PROGRESS_KEY);
	} catch {
		// nothing kept, nothing to clear
	}
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isWhole = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isDigits = (value: unknown): value is string => isText(value) && /^\d+$/u.test(value);

function readContacts(value: unknown, count: number): GuardianContact[] {
	const list = Array.isArray(value) ? value : [];
	return Array.from({ length: count }, (_, i) => {
		const item: unknown = list[i];
		const entry =
			typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
		return {
			phone: isText(entry.phone) ? entry.phone : '',
			email: isText(entry.email) ? entry.email : ''
		};
	});
}

/** The saved progress, or undefined when there is none or it is not in the expected shape. */
export function loadProgress(storage: ProgressStorage): ProtectProgress | undefined {
	let raw: string | null;
	try {
		raw = storage.getItem(PROGRESS_KEY);
	} catch {
		return undefined;
	}
	if (!raw) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const stored = parsed as Partial<Record<keyof Stored, unknown>>;
	if (stored.version !== VERSION || !isDigits(stored.anchor) || !isWhole(stored.step)) {
		return undefined;
	}
	if (!Array.isArray(stored.guardians) || !stored.guardians.every(isText)) return undefined;
	const guardians = stored.guardians;
	const policy = stored.policy as Record<string, unknown> | undefined;
	const validPolicy =
		typeof policy === 'object' &&
		policy !== null &&
		isWhole(policy.threshold) &&
		isWhole(policy.delayHours)
			? { threshold: policy.threshold, delayHours: policy.delayHours }
			: undefined;
	return {
		anchor: BigInt(stored.anchor),
		guardians,
		contacts: readContacts(stored.contacts, guardians.length),
		policy: validPolicy,
		vaultId: isDigits(stored.vaultId) ? BigInt(stored.vaultId) : undefined,
		step: stored.step
	};
}
