import { useEffect, useState } from 'preact/hooks';

/** A stored value, kept live: read once, then every change (null until the first read). */
export function useStored<T>(load: () => Promise<T>, watch: (cb: (value: T) => void) => () => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((v) => {
      if (live) setValue(v);
    });
    const unwatch = watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return value;
}
