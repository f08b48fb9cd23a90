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

/**
 * Reads a stored value once and follows its changes, telling `set` each: once a change has been
 * told, the first read is not (it may have read before that change and would put it back).
 * Returns the stop.
 */
export function followStored<T>(
  load: () => Promise<T>,
  watch: (cb: (value: T) => void) => () => void,
  set: (value: T) => void,
): () => void {
  let live = true;
  let changed = false;
  const unwatch = watch((v) => {
    changed = true;
    if (live) set(v);
  });
  void load().then((v) => {
    if (live && !changed) set(v);
  });
  return () => {
    live = false;
    unwatch();
  };
}
