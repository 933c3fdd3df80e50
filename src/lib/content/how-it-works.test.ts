import { describe, expect, it } from 'vitest';
import { HOW_IT_WORKS } from './how-it-works';

describe('HOW_IT_WORKS', () => {
	it('follows the protocol: bind, guardians, seal, recover, sweep', () => {
		expect(HOW_IT_WORKS.map((s) => s.title)).toEqual([
			'Bind your recovery phrase',
			'Choose guardians',
			'Seal the shares',
			'Recover when you need to',
			'Remove the intruder'
		]);
	});
});
