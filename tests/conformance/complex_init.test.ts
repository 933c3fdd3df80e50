import { runExample } from './harness';

// the pretest's `--argument 'record {"Oh hello there user"; record { id = "1" }}'` and
// `--argument 'variant {Branch = variant {Leaf}}'`
await runExample({
	name: 'complex_init',
	actors: [],
	suites: [
		{ exportName: 'getTests', actors: ['complex_init'] },
		{ exportName: 'getRecTests', actors: ['rec_init'] }
	],
	initArgs: {
		complex_init: [['Oh hello there user', { id: '1' }]],
		rec_init: [{ Branch: { Leaf: null } }]
	}
});
