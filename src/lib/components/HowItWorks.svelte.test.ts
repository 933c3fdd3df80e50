import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import HowItWorks from './HowItWorks.svelte';

describe('HowItWorks', () => {
	it('lists the given steps in order, numbered from 1', () => {
		const steps = [
			{ title: 'First', body: 'one' },
			{ title: 'Second', body: 'two' }
		];
		render(HowItWorks, { steps });

		const items = within(screen.getByRole('list')).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent(/Step 1\s*First/);
		expect(items[1]).toHaveTextContent(/Step 2\s*Second/);
		expect(screen.getByRole('heading', { name: 'How it works' })).toBeInTheDocument();
	});
});
