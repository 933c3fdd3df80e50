// A small reader for Candid service descriptions (.did) and a canonical form of Candid types, to
// compare interfaces structurally: names of type definitions are resolved away, record and
// variant fields are sorted, `blob` is `vec nat8`, tuple fields are numbered, and a recursive
// reference is written as `^k`, k = the number of type constructors back to where the
// recursion starts. Two types with equal canonical forms are the same Candid type.
import { IDL } from '@dfinity/candid';

type Ast =
	| { kind: 'prim'; name: string }
	| { kind: 'ref'; name: string }
	| { kind: 'opt' | 'vec'; inner: Ast }
	| { kind: 'record' | 'variant'; fields: [string, Ast][] };

export interface DidMethod {
	args: Ast[];
	results: Ast[];
	annotations: string[];
}

export interface Did {
	types: Map<string, Ast>;
	methods: Map<string, DidMethod>;
}

const PRIMITIVES = new Set([
	'nat',
	'nat8',
	'nat16',
	'nat32',
	'nat64',
	'int',
	'int8',
	'int16',
	'int32',
	'int64',
	'float32',
	'float64',
	'bool',
	'text',
	'null',
	'reserved',
	'empty',
	'principal',
	'blob'
]);

function tokenize(source: string): string[] {
	const withoutComments = source.replace(/\/\/[^\n]*/g, '');
	return withoutComments.match(/->|[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|\d+|[{}();:,=]/g) ?? [];
}

class Reader {
	private at = 0;
	constructor(private readonly tokens: string[]) {}
	peek(offset = 0): string | undefined {
		return this.tokens[this.at + offset];
	}
	next(): string {
		const token = this.tokens[this.at++];
		if (token === undefined) throw new Error('unexpected end of Candid text');
		return token;
	}
	expect(token: string): void {
		const got = this.next();
		if (got !== token) throw new Error(`expected '${token}', got '${got}'`);
	}
	accept(token: string): boolean {
		if (this.peek() !== token) return false;
		this.at++;
		return true;
	}
	done(): boolean {
		return this.at >= this.tokens.length;
	}
}

function readType(r: Reader): Ast {
	const word = r.next();
	if (word === 'opt' || word === 'vec') return { kind: word, inner: readType(r) };
	if (word === 'record' || word === 'variant') return { kind: word, fields: readFields(r, word) };
	if (PRIMITIVES.has(word)) return { kind: 'prim', name: word };
	return { kind: 'ref', name: word };
}

function readFields(r: Reader, kind: 'record' | 'variant'): [string, Ast][] {
	r.expect('{');
	const fields: [string, Ast][] = [];
	while (!r.accept('}')) {
		const named = r.peek(1) === ':';
		if (named) {
			const name = r.next().replace(/"/g, '');
			r.expect(':');
			fields.push([name, readType(r)]);
		} else if (kind === 'variant') {
			fields.push([r.next().replace(/"/g, ''), { kind: 'prim', name: 'null' }]);
		} else {
			fields.push([String(fields.length), readType(r)]);
		}
		r.accept(';');
	}
	return fields;
}

function readTuple(r: Reader): Ast[] {
	r.expect('(');
	const types: Ast[] = [];
	while (!r.accept(')')) {
		if (r.peek(1) === ':') {
			r.next();
			r.next();
		}
		types.push(readType(r));
		r.accept(',');
	}
	return types;
}

/** Reads type definitions and the service's methods from .did text. */
export function parseDid(source: string): Did {
	const r = new Reader(tokenize(source));
	const types = new Map<string, Ast>();
	const methods = new Map<string, DidMethod>();
	while (!r.done()) {
		const word = r.next();
		if (word === 'type') {
			const name = r.next();
			r.expect('=');
			types.set(name, readType(r));
			r.accept(';');
		} else if (word === 'service') {
			r.expect(':');
			if (r.peek() === '(') {
				readTuple(r);
				r.expect('->');
			}
			r.expect('{');
			while (!r.accept('}')) {
				const name = r.next();
				r.expect(':');
				const args = readTuple(r);
				r.expect('->');
				const results = readTuple(r);
				const annotations: string[] = [];
				while (r.peek() !== ';' && r.peek() !== '}') annotations.push(r.next());
				r.accept(';');
				methods.set(name, { args, results, annotations });
			}
			r.accept(';');
		} else {
			throw new Error(`unexpected '${word}' in Candid text`);
		}
	}
	return { types, methods };
}

const sortFields = (fields: string[]) => fields.sort().join('; ');

/** Canonical form of a type read from .did text. */
export function canonicalDid(
	ast: Ast,
	did: Did,
	active: Map<string, number> = new Map(),
	depth = 0
): string {
	switch (ast.kind) {
		case 'prim':
			return ast.name === 'blob' ? 'vec nat8' : ast.name;
		case 'ref': {
			const start = active.get(ast.name);
			if (start !== undefined) return `^${depth - start}`;
			const definition = did.types.get(ast.name);
			if (!definition) throw new Error(`undefined Candid type ${ast.name}`);
			const inner = new Map(active).set(ast.name, depth);
			return canonicalDid(definition, did, inner, depth);
		}
		case 'opt':
		case 'vec':
			return `${ast.kind} ${canonicalDid(ast.inner, did, active, depth + 1)}`;
		case 'record':
		case 'variant':
			return `${ast.kind} {${sortFields(
				ast.fields.map(([name, t]) => `${name}: ${canonicalDid(t, did, active, depth + 1)}`)
			)}}`;
	}
}

/** Canonical form of an IDL type object (as the canister and clients use it). */
export function canonicalIdl(
	type: IDL.Type,
	active: Map<IDL.Type, number> = new Map(),
	depth = 0
): string {
	if (type instanceof IDL.RecClass) {
		const start = active.get(type);
		if (start !== undefined) return `^${depth - start}`;
		const inner = type.getType();
		if (!inner) throw new Error('unfilled IDL.Rec');
		return canonicalIdl(inner, new Map(active).set(type, depth), depth);
	}
	if (type instanceof IDL.OptClass || type instanceof IDL.VecClass) {
		const kind = type instanceof IDL.OptClass ? 'opt' : 'vec';
		return `${kind} ${canonicalIdl(type._type, active, depth + 1)}`;
	}
	if (type instanceof IDL.RecordClass || type instanceof IDL.VariantClass) {
		const kind = type instanceof IDL.RecordClass ? 'record' : 'variant';
		const fields = type._fields.map(([name, t]) => {
			const label = /^_\d+_$/.test(name) ? name.slice(1, -1) : name;
			return `${label}: ${canonicalIdl(t, active, depth + 1)}`;
		});
		return `${kind} {${sortFields(fields)}}`;
	}
	return type.display();
}

export function canonicalDidMethod(method: DidMethod, did: Did): string {
	const list = (types: Ast[]) => types.map((t) => canonicalDid(t, did)).join(', ');
	const mode = method.annotations.join(' ');
	return `(${list(method.args)}) -> (${list(method.results)})${mode ? ` ${mode}` : ''}`;
}

export function canonicalIdlMethod(m: { args: IDL.Type[]; results: IDL.Type[]; query: boolean }) {
	const list = (types: IDL.Type[]) => types.map((t) => canonicalIdl(t)).join(', ');
	return `(${list(m.args)}) -> (${list(m.results)})${m.query ? ' query' : ''}`;
}
