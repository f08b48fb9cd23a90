/** Size limits shared by the message protocol and the import check (no dependencies: pages import it). */

/** Import files larger than this are refused before they are read (20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
