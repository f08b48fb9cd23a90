/**
 * Options, "Your data": the text of a file chosen for import. A backup is UTF-8 JSON (with or
 * without a byte-order mark, as Limber or an editor saves it). UTF-16 marked by its byte-order
 * mark (Windows Notepad's "Unicode") is read as it is. Anything else that is not UTF-8 (a legacy
 * encoding such as Windows-1252) is null: read as UTF-8 it would have each letter outside ASCII
 * in the person's own routines turned into "�", and be imported so.
 */
export function decodeImportFile(bytes: Uint8Array): string | null {
  const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
