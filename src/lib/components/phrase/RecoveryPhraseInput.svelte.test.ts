import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { phraseFromEntropy } from '$lib/crypto/phrase';
import { seriousViolations } from '../../../../tests/support/axe';
import RecoveryPhraseInput from './RecoveryPhraseInput.svelte';

const ENTROPY = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
const WORDS = phraseFromEntropy(ENTROPY);

function setup() {
	const onentropy = vi.fn<(entropy: Uint8Array | undefined) => void>();
	const onanchor = vi.fn<(anchor: bigint) => void>();
	const user = userEvent.setup();
	const result = render(RecoveryPhraseInput, { onentropy, onanchor });
	const slots = () => screen.getAllByRole('combobox') as HTMLInputElement[];
	return { onentropy, onanchor, user, slots, ...result };
}

const values = (inputs: HTMLInputElement[]) => inputs.map((input) => input.value);

describe('RecoveryPhraseInput', () => {
	const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
	let startUrl = '';
	beforeEach(() => {
		localStorage.clear();
		sessionStorage.clear();
		startUrl = location.href;
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			consoleSpies.push(vi.spyOn(console, method));
		}
	});
	afterEach(() => {
		// The phrase must never leave memory: no storage, no URL, no console.
		expect(localStorage.length).toBe(0);
		expect(sessionStorage.length).toBe(0);
		expect(location.href).toBe(startUrl);
		for (const spy of consoleSpies.splice(0)) {
			expect(spy).not.toHaveBeenCalled();
			spy.mockRestore();
		}
	});

	it('is hidden by default, and the toggle reveals and hides the words', async () => {
		const { user, slots } = setup();
		expect(slots()).toHaveLength(24);
		expect(slots().every((input) => input.type === 'password')).toBe(true);
		const toggle = screen.getByRole('button', { name: 'Show words' });
		expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await user.click(toggle);
		expect(slots().every((input) => input.type === 'text')).toBe(true);
		await user.click(screen.getByRole('button', { name: 'Hide words' }));
		expect(slots().every((input) => input.type === 'password')).toBe(true);
	});

	it('typing the phrase word after word, space moving on, emits the entropy once valid', async () => {
		const { user, slots, onentropy } = setup();
		await user.type(slots()[0]!, WORDS.join(' '));
		expect(values(slots())).toEqual(WORDS);
		expect(onentropy).toHaveBeenCalledTimes(1);
		expect(onentropy.mock.calls[0]![0]).toEqual(ENTROPY);
		expect(screen.getByRole('status')).toHaveTextContent('All 24 words are valid.');
	});

	it('pasting II’s display format fills every word and reports the anchor number', async () => {
		const { user, slots, onentropy, onanchor } = setup();
		await user.click(slots()[5]!);
		await user.paste(`10042 ${WORDS.slice(0, 12).join(' ')}\n${WORDS.slice(12).join('  ')}`);
		expect(values(slots())).toEqual(WORDS);
		expect(onanchor).toHaveBeenCalledWith(10042n);
		expect(onentropy).toHaveBeenLastCalledWith(ENTROPY);
	});

	it('pasting the words alone (any case) works too', async () => {
		const { user, slots, onentropy, onanchor } = setup();
		await user.click(slots()[0]!);
		await user.paste(WORDS.join(' ').toUpperCase());
		expect(values(slots())).toEqual(WORDS);
		expect(onanchor).not.toHaveBeenCalled();
		expect(onentropy).toHaveBeenLastCalledWith(ENTROPY);
	});

	it('autocompletes from the BIP39 list with the keyboard', async () => {
		const { user, slots } = setup();
		await user.type(slots()[0]!, 'ab');
		const listbox = screen.getByRole('listbox', { name: 'Words for word 1' });
		const options = within(listbox).getAllByRole('option');
		expect(options.map((o) => o.textContent?.trim())).toEqual([
			'abandon',
			'ability',
			'able',
			'about',
			'above',
			'absent'
		]);
		expect(slots()[0]).toHaveAttribute('aria-expanded', 'true');
		await user.keyboard('{ArrowDown}{ArrowDown}');
		expect(slots()[0]).toHaveAttribute('aria-activedescendant', options[1]!.id);
		expect(options[1]).toHaveAttribute('aria-selected', 'true');
		await user.keyboard('{ArrowUp}{ArrowUp}');
		expect(screen.getAllByRole('option')[5]).toHaveAttribute('aria-selected', 'true');
		await user.keyboard('{Escape}');
		expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
		await user.type(slots()[0]!, 'i');
		await user.keyboard('{Enter}');
		expect(slots()[0]!.value).toBe('ability');
		expect(slots()[1]).toHaveFocus();
	});

	it('a click on a suggestion fills the word', async () => {
		const { user, slots } = setup();
		await user.type(slots()[2]!, 'zo');
		await user.click(screen.getByRole('option', { name: 'zone' }));
		expect(slots()[2]!.value).toBe('zone');
	});

	it('names an unknown word, suggests fixes, and a suggestion fixes it', async () => {
		const { user, slots } = setup();
		await user.type(slots()[2]!, 'abandn');
		await user.tab();
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent(
			'Word 3, “abandn”, is not a recovery phrase word. Did you mean abandon'
		);
		expect(slots()[2]).toHaveAttribute('aria-invalid', 'true');
		expect(slots()[2]).toHaveAccessibleDescription(/Word 3, “abandn”/u);
		await user.click(within(alert).getByRole('button', { name: 'Use “abandon” for word 3' }));
		expect(slots()[2]!.value).toBe('abandon');
		expect(screen.queryByRole('alert')).not.toBeInTheDocument();
	});

	it('says when a pasted phrase has too few or too many words', async () => {
		const { user, slots, onentropy } = setup();
		await user.click(slots()[0]!);
		await user.paste(`10042 ${WORDS.slice(0, 12).join(' ')}`);
		expect(screen.getByRole('alert')).toHaveTextContent('12 of the 24 words are missing.');
		await user.click(slots()[0]!);
		await user.paste([...WORDS, 'zoo'].join(' '));
		expect(screen.getByRole('alert')).toHaveTextContent(
			'That is 25 words; the recovery phrase has 24.'
		);
		expect(onentropy).not.toHaveBeenCalled();
	});

	it('reports a checksum mismatch when every word is valid but the phrase is not', async () => {
		const { user, slots, onentropy } = setup();
		await user.click(slots()[0]!);
		await user.paste([...WORDS.slice(0, 23), WORDS[23] === 'zoo' ? 'zone' : 'zoo'].join(' '));
		expect(screen.getByRole('alert')).toHaveTextContent(/together they are not a recovery phrase/u);
		expect(onentropy).not.toHaveBeenCalled();
	});

	it('withdraws the entropy when a valid phrase is edited', async () => {
		const { user, slots, onentropy } = setup();
		await user.click(slots()[0]!);
		await user.paste(WORDS.join(' '));
		expect(onentropy).toHaveBeenLastCalledWith(ENTROPY);
		await user.clear(slots()[23]!);
		expect(onentropy).toHaveBeenLastCalledWith(undefined);
		await user.keyboard('{Backspace}');
		expect(slots()[22]).toHaveFocus();
	});

	it('has no serious accessibility violations, empty or with errors', async () => {
		const { user, slots, container } = setup();
		expect(await seriousViolations(container)).toEqual([]);
		await user.type(slots()[0]!, 'qqqq');
		await user.tab();
		await user.click(slots()[1]!);
		await user.type(slots()[1]!, 'ab');
		expect(await seriousViolations(container)).toEqual([]);
	});
});
