// The domain's facade: the Azle adapter calls one method per canister method. Updates run
// against staged stores and commit only on success, so a typed error changes nothing; any
// other exception is a broken invariant and propagates (the adapter traps, the IC rolls back).
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { DomainFailure, type Result } from './errors';
import * as queries from './queries';
import * as recovery from './recovery-ops';
import { Repository } from './repository';
import { stageStores, type VaultStores } from './store';
import * as vaults from './vault-ops';
import * as vetkd from './vetkd';

type Op<A, T> = (ctx: OperationContext, args: A) => T;

export class VaultDomain {
	constructor(private readonly stores: VaultStores) {}

	private update<A, T>(op: Op<A, T>): (caller: Principal, now: bigint, args: A) => Result<T> {
		return (caller, now, args) => {
			const { staged, commit } = stageStores(this.stores);
			const result = capture(() => op({ caller, now, repo: new Repository(staged) }, args));
			if (result.ok) commit();
			return result;
		};
	}

	private query<A, T>(op: Op<A, T>): (caller: Principal, now: bigint, args: A) => Result<T> {
		return (caller, now, args) => {
			const { staged } = stageStores(this.stores); // writes, if any, are dropped
			return capture(() => op({ caller, now, repo: new Repository(staged) }, args));
		};
	}

	// Vault lifecycle (rules: authorization.ts)
	readonly createVault = this.update(vaults.createVault);
	readonly updateGuardians = this.update(vaults.updateGuardians);
	readonly acceptInvite = this.update(vaults.acceptInvite);
	readonly seal = this.update(vaults.seal);
	readonly setDelay = this.update(vaults.setDelay);
	readonly deleteVault = this.update(vaults.deleteVault);
	readonly resign = this.update(vaults.resign);
	readonly checkIn = this.update(vaults.checkIn);

	// Recovery
	readonly openRecovery = this.update(recovery.openRecovery);
	readonly approveRecovery = this.update(recovery.approveRecovery);
	readonly declineRecovery = this.update(recovery.declineRecovery);
	readonly raiseAlarm = this.update(recovery.raiseAlarm);
	readonly cancelRecovery = this.update(recovery.cancelRecovery);
	readonly release = this.update(recovery.release);

	// vetKD decisions (read-only; the adapter derives the key with the returned input)
	readonly authorizeSharesKey = this.query((ctx: OperationContext, _: void) =>
		vetkd.authorizeSharesKey(ctx)
	);
	readonly authorizeReleaseKey = this.query(vetkd.authorizeReleaseKey);

	// Queries
	readonly anchorStatus = this.query(queries.anchorStatus);
	readonly invitation = this.query(queries.invitation);
	readonly ownerVaults = this.query((ctx: OperationContext, _: void) => queries.ownerVaults(ctx));
	readonly guardianVaults = this.query((ctx: OperationContext, _: void) =>
		queries.guardianVaults(ctx)
	);
	readonly requestStatus = this.query(queries.requestStatus);
	readonly auditLog = this.query(queries.auditLog);
}

function capture<T>(run: () => T): Result<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		if (error instanceof DomainFailure) return { ok: false, error: error.error };
		throw error;
	}
}
