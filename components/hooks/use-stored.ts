import { useEffect, useState } from 'preact/hooks';
import { followStored } from '../../lib/storage/latest';

/** A stored value, kept live: read once, then every change (null until the first read). */
export function useStored<T>(load: () => Promise<T>, watch: (cb: (value: T) => void) => () => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => followStored(load, watch, setValue), []);
  return value;
}
