/**
 * A routine's sources, loaded when they are first shown: the list and the sources table
 * (components/SourceList.tsx, content/sources.ts) are not needed for the break page's first frame,
 * so they come with `import()` once the notes that hold them are opened (`open`). Until then, and
 * while loading, an empty placeholder stands in their place.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SourceId } from '../content/sources';

type List = ComponentType<{ ids: readonly SourceId[]; routineId: string }>;

export function RoutineSources({ ids, routineId, open }: { ids: readonly SourceId[]; routineId: string; open: boolean }) {
  const [List, setList] = useState<List | null>(null);
  useEffect(() => {
    if (!open || List) return;
    import('./SourceList').then(
      (m) => setList(() => m.SourceList),
      (err: unknown) => console.error('[limber] sources not loaded', err),
    );
  }, [open, List]);
  return List ? <List ids={ids} routineId={routineId} /> : <div class="sources" aria-busy={open} />;
}
