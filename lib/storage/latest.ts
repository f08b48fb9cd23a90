/**
 * A reload started on every stored change, telling `cb` only the latest one started: reloads can
 * finish out of order (a save writes more than once, each write starts one), and an older one told
 * last would put back a value already replaced.
 */
export function latestReload<T>(load: () => Promise<T>, cb: (value: T) => void): () => void {
  let latest = 0;
  return () => {
    const mine = ++latest;
    void load().then((value) => {
      if (mine === latest) cb(value);
    });
  };
}
