/** The offline recovery page's file name, as the app serves it (scripts/build-offline.ts). */
export const OFFLINE_RECOVERY_FILE = 'tessera-offline-recovery.html';
