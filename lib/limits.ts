/** Size limits shared by the message protocol and the import check (no dependencies: pages import it). */

/**
 * Import files larger than this are refused before they are read (64 MB). Every export Limber
 * can write fits (lib/backup.ts, MAX_ROWS: the longest history a backup holds, its rows at their
 * longest).
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
