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
	/** create_vault's checks before the adapter's call to II (read-only). */
	readonly checkCreateVault = this.query(vaults.checkCreateVault);
	readonly createVault = this.update(vaults.createVault);
	readonly confirmVault = this.update(vaults.confirmVault);
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
	/** Commits the derivation count; the adapter then derives the release key with `input`. */
	readonly releaseRecovery = this.update(recovery.releaseRecovery);
	/** Security-relevant reads, served as update calls (certified). */
	readonly recoveryRequest = this.query(queries.recoveryRequest);
	readonly requesterRequests = this.query((ctx: OperationContext, _: void) =>
		queries.requesterRequests(ctx)
	);

	// vetKD: commits the daily count; the adapter derives the key with the returned input
	readonly authorizeSharesKey = this.update((ctx: OperationContext, _: void) =>
		vetkd.authorizeSharesKey(ctx)
	);

	// Queries
	readonly anchorStatus = this.query(queries.anchorStatus);
	readonly invitation = this.query(queries.invitation);
	readonly ownerVaults = this.query((ctx: OperationContext, _: void) => queries.ownerVaults(ctx));
	readonly guardianVaults = this.query((ctx: OperationContext, _: void) =>
		queries.guardianVaults(ctx)
	);
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
