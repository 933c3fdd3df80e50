// What every operation receives: the caller, the time (never read from a clock here) and the
// repository over (staged) stores.
import type { Principal } from '@dfinity/principal';
import type { Repository } from './repository';

export interface OperationContext {
	caller: Principal;
	now: bigint;
	repo: Repository;
}
