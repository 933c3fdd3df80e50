// Where each group of System API functions may be called from: the interface spec's letters
// I (init, post_upgrade), G (pre_upgrade), U (update), RQ (replicated query), NRQ (ingress
// query), Ry/Rt (reply/reject callback), C (cleanup), F (inspect_message), T (timer).
import type { ExecutionKind } from './execution';

/** `*`: everywhere. */
export const ALL: readonly ExecutionKind[] = [
	'init',
	'pre_upgrade',
	'update',
	'replicated_query',
	'query',
	'reply',
	'reject',
	'cleanup',
	'inspect',
	'timer'
];
/** I U RQ NRQ Ry F */
export const ARG_DATA: readonly ExecutionKind[] = [
	'init',
	'update',
	'replicated_query',
	'query',
	'reply',
	'inspect'
];
/** U RQ NRQ Ry Rt */
export const RESPOND: readonly ExecutionKind[] = [
	'update',
	'replicated_query',
	'query',
	'reply',
	'reject'
];
/** U RQ Ry Rt */
export const CYCLES_IN: readonly ExecutionKind[] = [
	'update',
	'replicated_query',
	'reply',
	'reject'
];
/** U Ry Rt T */
export const CALL: readonly ExecutionKind[] = ['update', 'reply', 'reject', 'timer'];
/** I G U Ry Rt T (certified_data_set) */
export const MUTATE: readonly ExecutionKind[] = [
	'init',
	'pre_upgrade',
	'update',
	'reply',
	'reject',
	'timer'
];
/** I G U Ry Rt C T */
export const TIMER_SET: readonly ExecutionKind[] = [...MUTATE, 'cleanup'];
/** I G U RQ Ry Rt C T */
export const BURN: readonly ExecutionKind[] = [...MUTATE, 'replicated_query', 'cleanup'];

/** The replica's names of the contexts, as its trap messages use them. */
export const MODE_NAMES: Record<ExecutionKind, string> = {
	init: 'init',
	pre_upgrade: 'pre upgrade',
	update: 'update',
	replicated_query: 'replicated query',
	query: 'non replicated query',
	reply: 'reply callback',
	reject: 'reject callback',
	cleanup: 'cleanup',
	inspect: 'inspect message',
	timer: 'system task'
};
