import { Principal } from '@dfinity/principal';
import { runExample } from './harness';

// the pretest's `dfx deploy init --argument '(record { id = "0" }, variant { Fire }, principal "rrkah-...")'`
await runExample({
	name: 'init',
	actors: ['init'],
	initArgs: {
		init: [{ id: '0' }, { Fire: null }, Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai')]
	}
});
