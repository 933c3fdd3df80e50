// Where each group of System API functions may be called from: the interface spec's letters
// I (init, post_upgrade), G (pre_upgrade), U (update), RQ (replicated query), NRQ (ingress
// query), CQ (composite query), Ry/Rt (reply/reject callback), CRy/CRt (the callbacks of a
// composite query's calls), C/CC (cleanup), F (inspect_message), T (timer).
import type { ExecutionKind } from './execution';

/** `*`: everywhere. */
export const ALL: readonly ExecutionKind[] = [
	'init',
	'pre_upgrade',
	'update',
	'replicated_query',
	'query',
	'composite_query',
	'reply',
	'reject',
	'cleanup',
	'composite_reply',
	'composite_reject',
	'composite_cleanup',
	'inspect',
	'timer'
];
/** I U RQ NRQ CQ Ry CRy F */
export const ARG_DATA: readonly ExecutionKind[] = [
	'init',
	'update',
	'replicated_query',
	'query',
	'composite_query',
	'reply',
	'composite_reply',
	'inspect'
];
/** U RQ NRQ CQ Ry Rt CRy CRt */
export const RESPOND: readonly ExecutionKind[] = [
	'update',
	'replicated_query',
	'query',
	'composite_query',
	'reply',
	'reject',
	'composite_reply',
	'composite_reject'
];
/** U RQ Ry Rt */
export const CYCLES_IN: readonly ExecutionKind[] = [
	'update',
	'replicated_query',
	'reply',
	'reject'
];
/** U CQ Ry Rt CRy CRt T */
export const CALL: readonly ExecutionKind[] = [
	'update',
	'composite_query',
	'reply',
	'reject',
	'composite_reply',
	'composite_reject',
	'timer'
];
/** U Ry Rt T (call_cycles_add: a composite query's calls carry no cycles) */
export const CALL_CYCLES: readonly ExecutionKind[] = ['update', 'reply', 'reject', 'timer'];
/** Ry Rt CRy CRt C CC (msg_reject_code) */
export const REJECT_CODE: readonly ExecutionKind[] = [
	'reply',
	'reject',
	'composite_reply',
	'composite_reject',
	'cleanup',
	'composite_cleanup'
];
/** Rt CRt (msg_reject_msg) */
export const REJECT_MESSAGE: readonly ExecutionKind[] = ['reject', 'composite_reject'];
/** NRQ CQ (data_certificate_size/copy) */
export const DATA_CERTIFICATE: readonly ExecutionKind[] = ['query', 'composite_query'];
/** Executions outside consensus, on one node: in_replicated_execution is 0. */
export const NON_REPLICATED: readonly ExecutionKind[] = [
	'query',
	'composite_query',
	'composite_reply',
	'composite_reject',
	'composite_cleanup',
	'inspect'
];
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
	composite_query: 'composite query',
	reply: 'reply callback',
	reject: 'reject callback',
	cleanup: 'cleanup',
	composite_reply: 'composite reply callback',
	composite_reject: 'composite reject callback',
	composite_cleanup: 'composite cleanup',
	inspect: 'inspect message',
	timer: 'system task'
};
