/**
 * The options sections below the fold (break behaviour with its call sites, keyboard shortcuts,
 * routines and sounds, your own routines, your data), loaded right after the
 * page's first paint: they carry the routine catalogue and the sound code, which the sections a
 * person sees first do not need, and the check of a typed number (needed once one is committed).
 * See the page budget in scripts/bundle-size.ts.
 */
export { RoutinePrefs } from '../../components/RoutinePrefs';
export { OwnRoutines } from '../../components/OwnRoutines';
export { DataPrefs } from '../../components/DataPrefs';
export { BehaviourPrefs } from '../../components/BehaviourPrefs';
export { CallSitesPrefs } from '../../components/CallSitesPrefs';
export { ShortcutPrefs } from '../../components/ShortcutPrefs';
export { validateField } from '../../lib/settings-validate';
