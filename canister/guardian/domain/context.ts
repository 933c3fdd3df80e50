// What every operation receives: the caller, the time (never read from a clock here), the
// repository over (staged) stores and the injected seams.
import type { Principal } from '@dfinity/principal';
import type { Repository } from './repository';
import type { Seams } from './signed-operation';

export interface OperationContext {
	caller: Principal;
	now: bigint;
	repo: Repository;
	seams: Seams;
}
