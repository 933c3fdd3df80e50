// The wizard (view and ProtectFlow) with scripted ports: the canisters cannot run in jsdom (the agent
// test tests/agent/vault-wrapper.test.ts drives the real services through devnet).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhraseKey } from '$lib/crypto/ii-key';
import { importPaperShare } from '$lib/crypto/paper';
import { phraseFromEntropy } from '$lib/crypto/phrase';
import { splitEntropy } from '$lib/crypto/shares';
import { ProtectFlow, type ProtectPorts } from '$lib/flows/ProtectFlow.svelte';
import { CanisterError } from '$lib/canisters/errors';
import { seriousViolations } from '../../../../tests/support/axe';
import ProtectWizard from './ProtectWizard.svelte';

const ENTROPY = Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 5) & 0xff);
const PHRASE = phraseFromEntropy(ENTROPY).join(' ');
const PHRASE_KEY = { principal: 'phrase' } as unknown as PhraseKey;
/** bindPhrase's answer for an identity whose recovery phrase is not protected yet. */
const bindUnprotected = async () => ({
	anchor: 10042n,
	phraseKey: PHRASE_KEY,
	status: 'unprotected' as const
});
const LABELS = ['Alice', 'Bob', 'Carol'];

function scriptedPorts(overrides: Partial<ProtectPorts> = {}) {
	let report: (accepted: boolean[]) => void = () => {};
	const stopWatching = vi.fn();
	const sealedEntropy: Uint8Array[] = [];
	const printed: Uint8Array[] = [];
	const ports: ProtectPorts = {
		appUrl: 'https://tessera.test',
		bindPhrase: vi.fn(async (anchor?: bigint) => ({
			anchor: anchor ?? 10042n,
			phraseKey: PHRASE_KEY,
			status: 'protected' as const
		})),
		protectPhrase: vi.fn(async () => {}),
		createVault: vi.fn(async ({ guardians }) => ({
			vaultId: 7n,
			invitations: guardians.map((label: string) => ({
				label,
				url: `https://tessera.test/invite#vault=7&secret=${label}`
			}))
		})),
		watchAcceptance: vi.fn((_vaultId, onupdate) => {
			report = onupdate;
			return stopWatching;
		}),
		// a real split, so the kit prints envelopes that read back
		seal: vi.fn(
			async (...[{ entropy, paperSlots = [] }, progress]: Parameters<ProtectPorts['seal']>) => {
				sealedEntropy.push(entropy);
				for (const done of [0, 1, 2]) progress('step', done, 3);
				const split = await splitEntropy(entropy, 7n, 2, LABELS.length);
				if (!split.ok) throw new Error(split.error.kind);
				const paper = paperSlots.map((index) => ({
					guardian: LABELS[index - 1]!,
					envelope: split.value.envelopes[index - 1]!
				}));
				printed.push(...paper.map(({ envelope }) => envelope));
				return paper;
			}
		),
		anchorVault: vi.fn(async () => undefined),
		renewInvite: vi.fn(async (_key, _vaultId, slot: number) => ({
			label: LABELS[slot]!,
			url: `https://tessera.test/invite#vault=7&secret=new-${LABELS[slot]}`
		})),
		...overrides
	};
	return { ports, accept: (a: boolean[]) => report(a), stopWatching, sealedEntropy, printed };
}

async function enterPhrase(anchor = '10042') {
	if (anchor !== '') await userEvent.type(screen.getByLabelText('Anchor number'), anchor);
	await userEvent.click(screen.getByLabelText('Word 1'));
	await userEvent.paste(PHRASE);
	await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

async function addGuardians(names: string[]) {
	for (const name of names) {
		await userEvent.type(await screen.findByLabelText('Guardian name'), `${name}{Enter}`);
	}
	await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

/** The whole wizard with LABELS as guardians, sealed with paper shares for `paperFor`. */
async function sealWithPaperFor(paperFor: string[]) {
	const scripted = scriptedPorts();
	const { unmount } = render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
	await enterPhrase();
	await addGuardians(LABELS);
	await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
	scripted.accept(LABELS.map(() => true));
	await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
	await userEvent.click(
		screen.getByRole('checkbox', { name: 'Also print paper shares in my recovery kit' })
	);
	for (const label of paperFor) {
		await userEvent.click(screen.getByLabelText(`Paper share for ${label}`));
	}
	await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
	await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
	return { scripted, unmount };
}

describe('ProtectWizard', { timeout: 30_000 }, () => {
	beforeEach(() => {
		localStorage.clear();
		sessionStorage.clear();
	});
	afterEach(() => {
		// nothing of the phrase may be kept outside memory
		expect(localStorage.length).toBe(0);
		expect(sessionStorage.length).toBe(0);
		expect(location.href).not.toMatch(/secret|word/u);
	});

	it('goes from the phrase to the recovery kit, watching acceptance and wiping the phrase', async () => {
		const scripted = scriptedPorts();
		const { container, unmount } = render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		expect(scripted.ports.bindPhrase).toHaveBeenCalledWith(10042n, ENTROPY);

		await addGuardians(['Alice', 'Bob', 'Carol']);
		expect(await screen.findByLabelText('2 of 3 (recommended)')).toBeChecked();
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(scripted.ports.createVault).toHaveBeenCalledWith({
			anchor: 10042n,
			phraseKey: PHRASE_KEY,
			guardians: ['Alice', 'Bob', 'Carol'],
			delayHours: 72
		});

		const links = await screen.findAllByTestId('invite-link');
		expect(links.map((link) => link.textContent?.trim())).toEqual([
			'https://tessera.test/invite#vault=7&secret=Alice',
			'https://tessera.test/invite#vault=7&secret=Bob',
			'https://tessera.test/invite#vault=7&secret=Carol'
		]);
		expect(scripted.ports.watchAcceptance).toHaveBeenCalledWith(
			7n,
			expect.any(Function),
			expect.any(Function)
		);
		scripted.accept([true, false, true]);
		expect(await screen.findByText('2 of 3 guardians have accepted.')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Continue to sealing' })).toBeDisabled();
		expect(await seriousViolations(container)).toEqual([]);
		scripted.accept([true, true, true]);
		await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
		expect(scripted.stopWatching).toHaveBeenCalled();

		await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
		expect(await screen.findByText('Your vault is sealed')).toBeInTheDocument();
		expect(scripted.sealedEntropy[0]).toEqual(new Uint8Array(32)); // wiped after sealing
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(screen.getByRole('heading', { name: 'Your Tessera recovery kit' })).toBeInTheDocument();
		expect(screen.getByText('https://tessera.test')).toBeInTheDocument();
		// one title for the kit, and a way on to the vault
		expect(screen.getAllByRole('heading', { name: /recovery kit/iu })).toHaveLength(1);
		expect(screen.getByRole('link', { name: 'Done, go to my vault' })).toHaveAttribute(
			'href',
			'/owner'
		);
		expect(screen.queryByRole('heading', { name: /Paper share/u })).not.toBeInTheDocument();
		expect(scripted.ports.seal).toHaveBeenCalledWith(
			expect.objectContaining({ paperSlots: [] }),
			expect.any(Function)
		);
		unmount();
	}, 60_000);

	it('prints the paper shares asked for, 37 words each, and wipes them when done or left', async () => {
		const { scripted, unmount } = await sealWithPaperFor(['Bob']);

		const [bobsEnvelope] = scripted.printed;
		const envelope = bobsEnvelope!.slice();
		expect(screen.getAllByRole('heading', { name: /^Paper share for/u })).toHaveLength(1);
		const section = screen
			.getByRole('heading', { name: 'Paper share for Bob' })
			.closest('section')!;
		const words = within(section)
			.getAllByRole('listitem')
			.map((li) => li.textContent?.replace(/^\s*\d+\.\s*/u, '').trim() ?? '');
		expect(words).toHaveLength(37);
		expect(importPaperShare(words.join(' '))).toEqual({ ok: true, value: envelope });

		await userEvent.click(
			screen.getByRole('button', { name: 'I have printed them: remove the paper shares' })
		);
		expect(screen.queryByRole('heading', { name: /Paper share/u })).not.toBeInTheDocument();
		expect(bobsEnvelope).toEqual(new Uint8Array(49)); // wiped in memory
		unmount();
	}, 60_000);

	it('wipes printed paper shares when the wizard is left', async () => {
		const { scripted, unmount } = await sealWithPaperFor(['Alice', 'Carol']);
		expect(screen.getAllByRole('heading', { name: /^Paper share for/u })).toHaveLength(2);
		expect(scripted.printed.every((envelope) => envelope.some((byte) => byte !== 0))).toBe(true);
		unmount();
		expect(scripted.printed).toEqual([new Uint8Array(49), new Uint8Array(49)]);
	}, 60_000);

	it('creates the vault with the chosen delay and seals with the chosen threshold (3 of 5)', async () => {
		const scripted = scriptedPorts();
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		await addGuardians(['Alice', 'Bob', 'Carol', 'Dave', 'Erin']);
		await userEvent.click(await screen.findByLabelText('4 of 5'));
		await userEvent.click(screen.getByLabelText('3 of 5 (recommended)'));
		const hours = screen.getByLabelText('Or in hours');
		await userEvent.clear(hours);
		await userEvent.type(hours, '100');
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(scripted.ports.createVault).toHaveBeenCalledWith(
			expect.objectContaining({
				guardians: ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'],
				delayHours: 100
			})
		);

		scripted.accept([true, true, true, true, true]);
		await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
		await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
		expect(await screen.findByText('Your vault is sealed')).toBeInTheDocument();
		expect(scripted.ports.seal).toHaveBeenCalledWith(
			expect.objectContaining({ vaultId: 7n, threshold: 3, phraseKey: PHRASE_KEY }),
			expect.any(Function)
		);
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(screen.getByText('3 of 5')).toBeInTheDocument(); // the kit's approvals needed
	});

	it('offers to protect an unprotected phrase, and can go on without', async () => {
		const scripted = scriptedPorts({
			bindPhrase: vi.fn(bindUnprotected),
			protectPhrase: vi
				.fn()
				.mockRejectedValueOnce(
					new CanisterError('Network', 'Internet Identity could not be reached.')
				)
				.mockResolvedValueOnce(undefined)
		});
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		expect(await screen.findByText('Your recovery phrase is not protected')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Protect my phrase' }));
		expect(await screen.findByText('Internet Identity could not be reached.')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Protect my phrase' }));
		expect(await screen.findByLabelText('Guardian name')).toBeInTheDocument();
		expect(scripted.ports.protectPhrase).toHaveBeenCalledTimes(2);
	});

	it('binds with the phrase alone: no anchor number typed, II finds the identity', async () => {
		const scripted = scriptedPorts({
			bindPhrase: vi.fn(async () => ({
				anchor: 20077n,
				phraseKey: PHRASE_KEY,
				status: 'protected' as const
			}))
		});
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase('');
		expect(scripted.ports.bindPhrase).toHaveBeenCalledWith(undefined, ENTROPY);
		await addGuardians(['Alice', 'Bob']);
		await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
		expect(scripted.ports.createVault).toHaveBeenCalledWith(
			expect.objectContaining({ anchor: 20077n })
		);
	});

	it('says why the phrase was refused and stays on the first step', async () => {
		const scripted = scriptedPorts({
			bindPhrase: vi
				.fn()
				.mockRejectedValue(
					new CanisterError('PhraseKeyNotOnAnchor', 'This is not the recovery phrase.')
				)
		});
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		expect(await screen.findByRole('alert')).toHaveTextContent('This is not the recovery phrase.');
		expect(screen.getByLabelText('Anchor number')).toBeInTheDocument();
	});

	it('after a refused phrase and a one-word typo, shows only what is wrong now', async () => {
		const scripted = scriptedPorts({
			bindPhrase: vi
				.fn()
				.mockRejectedValue(
					new CanisterError('PhraseKeyNotOnAnchor', 'This is not the recovery phrase.')
				)
		});
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		expect(await screen.findByRole('alert')).toHaveTextContent('This is not the recovery phrase.');
		// word 5 mistyped: 24 words are in, one of them is not a word
		const word5 = screen.getByLabelText('Word 5');
		await userEvent.clear(word5);
		await userEvent.type(word5, 'qqqq');
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		const alerts = screen.getAllByRole('alert');
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toHaveTextContent(/Word 5, “qqqq”/u);
		expect(screen.queryByText(/Enter all 24 words/u)).not.toBeInTheDocument();
		expect(screen.queryByText('This is not the recovery phrase.')).not.toBeInTheDocument();
		expect(scripted.ports.bindPhrase).toHaveBeenCalledTimes(1);
	});

	it('keeps the rules step when creating the vault fails, and shows why', async () => {
		const scripted = scriptedPorts({
			createVault: vi
				.fn()
				.mockRejectedValue(
					new CanisterError('AnchorHasVault', 'This Internet Identity already has a Tessera vault.')
				)
		});
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		await addGuardians(['Alice', 'Bob']);
		await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
		expect(await screen.findByText('Your vault was not created')).toBeInTheDocument();
		expect(screen.getByText('This Internet Identity already has a Tessera vault.')).toBeVisible();
	});

	it('shows a failed seal step with its reason and lets the owner try again', async () => {
		const seal = vi
			.fn()
			.mockImplementationOnce(
				async (_args, progress: (s: string, d: number, t: number) => void) => {
					progress('step', 0, 3);
					progress('step', 1, 3);
					throw new CanisterError(
						'VetKdFailed',
						'The Internet Computer could not derive a key right now.'
					);
				}
			)
			.mockResolvedValueOnce([]);
		const scripted = scriptedPorts({ seal });
		render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
		await enterPhrase();
		await addGuardians(['Alice', 'Bob']);
		await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
		scripted.accept([true, true]);
		await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
		await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
		expect(await screen.findByText('Sealing did not finish')).toBeInTheDocument();
		const failed = screen
			.getByRole('list', { name: 'Sealing' })
			.querySelector('[data-status="failed"]');
		expect(failed).toHaveTextContent('could not derive a key right now');
		await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
		await waitFor(() => expect(seal).toHaveBeenCalledTimes(2));
		expect(await screen.findByText('Your vault is sealed')).toBeInTheDocument();
	});
});

function memoryStorage() {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		removeItem: (key: string) => void items.delete(key)
	};
}

describe(
	'ProtectWizard across a reload, a lost link and an existing vault',
	{ timeout: 30_000 },
	() => {
		it('a reload keeps names, rules and vault, asks for the phrase again, and makes new links', async () => {
			const storage = memoryStorage();
			const before = scriptedPorts({ storage });
			const first = render(ProtectWizard, { flow: new ProtectFlow(before.ports) });
			await enterPhrase();
			await addGuardians(LABELS);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
			await screen.findAllByTestId('invite-link');
			before.accept([true, false, false]);
			const saved = [...storage.items.values()].join('');
			// what a reload finds: no phrase, no entropy, no invitation secret
			expect(saved).toContain('Alice');
			expect(saved).not.toMatch(/secret|vault=7&/u);
			expect(saved).not.toContain(PHRASE.split(' ')[0]);
			first.unmount();

			// the "reload": a new flow over the same storage
			const after = scriptedPorts({ storage, anchorVault: vi.fn(async () => 7n) });
			const { container } = render(ProtectWizard, { flow: new ProtectFlow(after.ports) });
			expect(screen.getByText('Welcome back')).toBeInTheDocument();
			expect(screen.getByText(/enter it again to go on/u)).toBeInTheDocument();
			expect(screen.getByLabelText('Anchor number')).toHaveValue('10042');
			expect(await seriousViolations(container)).toEqual([]);
			await userEvent.click(screen.getByLabelText('Word 1'));
			await userEvent.paste(PHRASE);
			await userEvent.click(screen.getByRole('button', { name: 'Continue' }));

			// straight back to the invitations of vault 7: the old links are gone, new ones can be made
			expect(await screen.findByText(/This tab no longer has Bob's link/u)).toBeInTheDocument();
			expect(after.ports.createVault).not.toHaveBeenCalled();
			expect(screen.queryAllByTestId('invite-link')).toHaveLength(0);
			after.accept([true, false, false]);
			expect(await screen.findByText('1 of 3 guardians have accepted.')).toBeInTheDocument();
			expect(screen.queryByRole('button', { name: 'Send a new link to Alice' })).toBeNull();
			await userEvent.click(screen.getByRole('button', { name: 'Send a new link to Bob' }));
			expect(after.ports.renewInvite).toHaveBeenCalledWith(PHRASE_KEY, 7n, 1);
			expect(
				await screen.findByText('https://tessera.test/invite#vault=7&secret=new-Bob')
			).toBeVisible();
			expect(await seriousViolations(container)).toEqual([]);
		}, 60_000);

		it('a phrase whose anchor has a vault this tab did not make leads to the dashboard', async () => {
			const scripted = scriptedPorts({ anchorVault: vi.fn(async () => 12n) });
			render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
			await enterPhrase();
			expect(await screen.findByText('This Internet Identity already has a vault')).toBeVisible();
			expect(screen.getByRole('link', { name: 'Go to my vault' })).toHaveAttribute(
				'href',
				'/owner'
			);
			expect(screen.queryByLabelText('Guardian name')).toBeNull();
			expect(scripted.ports.createVault).not.toHaveBeenCalled();
		});

		it('after "Not now", sealing says what an unprotected phrase leaves open and asks again', async () => {
			const scripted = scriptedPorts({
				bindPhrase: vi.fn(bindUnprotected)
			});
			render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
			await enterPhrase();
			expect(await screen.findByText(/or replace it with their own/u)).toBeInTheDocument();
			await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
			await addGuardians(['Alice', 'Bob']);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
			scripted.accept([true, true]);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
			expect(screen.getByText('Your recovery phrase is still not protected')).toBeInTheDocument();
			expect(screen.getByText(/rebuild a phrase that opens nothing/u)).toBeInTheDocument();

			await userEvent.click(
				screen.getByRole('button', { name: 'Seal with an unprotected phrase' })
			);
			const dialog = await screen.findByRole('dialog', {
				name: 'Seal with an unprotected phrase?'
			});
			expect(scripted.ports.seal).not.toHaveBeenCalled();
			await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
			expect(scripted.ports.seal).not.toHaveBeenCalled();

			// protecting it from here takes the warning away and seals as usual
			await userEvent.click(screen.getByRole('button', { name: 'Protect my phrase now' }));
			await waitFor(() =>
				expect(screen.queryByText('Your recovery phrase is still not protected')).toBeNull()
			);
			expect(scripted.ports.protectPhrase).toHaveBeenCalledTimes(1);
			await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
			expect(await screen.findByText('Your vault is sealed')).toBeInTheDocument();
		});

		it('seals an unprotected phrase only after "Seal anyway"', async () => {
			const scripted = scriptedPorts({
				bindPhrase: vi.fn(bindUnprotected)
			});
			render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
			await enterPhrase();
			await userEvent.click(await screen.findByRole('button', { name: 'Not now' }));
			await addGuardians(['Alice', 'Bob']);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
			scripted.accept([true, true]);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
			await userEvent.click(
				screen.getByRole('button', { name: 'Seal with an unprotected phrase' })
			);
			const dialog = await screen.findByRole('dialog', {
				name: 'Seal with an unprotected phrase?'
			});
			await userEvent.click(within(dialog).getByRole('button', { name: 'Seal anyway' }));
			expect(await screen.findByText('Your vault is sealed')).toBeInTheDocument();
			expect(scripted.ports.seal).toHaveBeenCalledTimes(1);
		});

		it("puts guardians' contact details in the kit, kept in the tab only, and back after a reload", async () => {
			const storage = memoryStorage();
			const scripted = scriptedPorts({ storage });
			const first = render(ProtectWizard, { flow: new ProtectFlow(scripted.ports) });
			await enterPhrase();
			await addGuardians(['Alice', 'Bob']);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
			scripted.accept([true, true]);
			await userEvent.click(await screen.findByRole('button', { name: 'Continue to sealing' }));
			await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
			await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
			expect(
				screen.getByText(/never sent to Tessera or stored on the Internet Computer/u)
			).toBeVisible();
			await userEvent.type(screen.getByLabelText('Phone of Alice (optional)'), '+41 79 123 45 67');
			await userEvent.type(screen.getByLabelText('E-mail of Bob (optional)'), 'bob@example.org');
			const printed = () => screen.getAllByTestId('kit-contact').map((p) => p.textContent?.trim());
			expect(printed()).toEqual(['+41 79 123 45 67', 'bob@example.org']);
			// no canister call carries them
			for (const call of Object.values(scripted.ports)) {
				if (typeof call === 'function' && 'mock' in call) {
					expect(
						JSON.stringify((call as ReturnType<typeof vi.fn>).mock.calls, (_k, v: unknown) =>
							typeof v === 'bigint' ? v.toString() : v
						)
					).not.toContain('bob@example.org');
				}
			}
			first.unmount();

			// a reload on the kit comes back to the kit, details included, with no phrase needed
			render(ProtectWizard, { flow: new ProtectFlow(scriptedPorts({ storage }).ports) });
			expect(
				screen.getByRole('heading', { name: 'Your Tessera recovery kit' })
			).toBeInTheDocument();
			expect(screen.getByLabelText('Phone of Alice (optional)')).toHaveValue('+41 79 123 45 67');
			await userEvent.click(screen.getByRole('link', { name: 'Done, go to my vault' }));
			expect(storage.items.size).toBe(0);
		}, 60_000);
	}
);
