import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { CanisterError } from '$lib/canisters/errors';
import { seriousViolations } from '../../../../tests/support/axe';
import Connected from './Connected.svelte';
import SessionBar from './SessionBar.svelte';
import SignInForm from './SignInForm.svelte';
import { shortPrincipal } from './principal';

const PRINCIPAL = 'c2lt4-zmbyx-hpc5y-ajtcz-ylu5x-7hfxo-ldhvs-bqxyd-rjupq-ay5ru-cae';

describe('SignInForm (Internet Identity, the one way to sign in)', () => {
	it('offers II sign-in and shows progress while II’s window is open', async () => {
		let finish: () => void = () => {};
		const onsignin = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
		const { container } = render(SignInForm, { onsignin });
		expect(screen.queryByLabelText('Local identity name')).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Sign in with Internet Identity' }));
		expect(screen.getByRole('button', { name: 'Waiting for Internet Identity…' })).toBeDisabled();
		finish();
		expect(
			await screen.findByRole('button', { name: 'Sign in with Internet Identity' })
		).toBeEnabled();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('says why sign-in failed', async () => {
		const onsignin = vi.fn().mockRejectedValue(new Error('The window was closed. Try again.'));
		render(SignInForm, { onsignin });
		await userEvent.click(screen.getByRole('button', { name: 'Sign in with Internet Identity' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('The window was closed. Try again.');
	});
});

describe('SessionBar', () => {
	it('shows the shortened principal and signs out', async () => {
		const onsignout = vi.fn();
		const { container } = render(SessionBar, {
			principal: PRINCIPAL,
			signInHref: '/signin',
			onsignout
		});
		const shown = screen.getByTestId('signed-in-principal');
		expect(shown).toHaveTextContent(/^c2lt4-zmbyx…cae$/u);
		expect(shown).toHaveAttribute('title', PRINCIPAL);
		await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
		expect(onsignout).toHaveBeenCalledOnce();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('offers sign-in when signed out', () => {
		render(SessionBar, {
			principal: undefined,
			signInHref: '/signin?next=%2Fowner',
			onsignout() {}
		});
		expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
			'href',
			'/signin?next=%2Fowner'
		);
		expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
	});
});

describe('shortPrincipal', () => {
	it('keeps the first two groups and the last; short ids stay whole', () => {
		expect(shortPrincipal(PRINCIPAL)).toBe('c2lt4-zmbyx…cae');
		expect(shortPrincipal('2vxsx-fae')).toBe('2vxsx-fae');
	});
});

describe('Connected', () => {
	// The generic component's T is `unknown` to render(): the snippet takes what it is given.
	const flowSnippet = createRawSnippet((flow: () => unknown) => ({
		render: () => `<p>Flow ${String(flow())}</p>`
	}));

	it('says it is connecting, then shows the flow', async () => {
		let resolve: (flow: string) => void = () => {};
		const connection = new Promise<string>((done) => (resolve = done));
		render(Connected, { connection, children: flowSnippet });
		expect(screen.getByRole('status')).toHaveTextContent('Connecting to the Internet Computer…');
		resolve('ready');
		expect(await screen.findByText('Flow ready')).toBeInTheDocument();
	});

	it('says why it could not start, in the typed error’s words only', async () => {
		const { unmount } = render(Connected, {
			connection: Promise.reject(new CanisterError('Network', 'No answer: try again.')),
			children: flowSnippet
		});
		expect(await screen.findByRole('alert')).toHaveTextContent('No answer: try again.');
		unmount();
		render(Connected, {
			connection: Promise.reject(new TypeError('x is undefined')),
			children: flowSnippet
		});
		expect(await screen.findByRole('alert')).toHaveTextContent(/Something unexpected went wrong/u);
		expect(screen.queryByText(/x is undefined/u)).not.toBeInTheDocument();
	});
});
