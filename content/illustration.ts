/**
 * Where a routine's illustration is: one file for all of them, `routines.svg`, each drawing shown
 * by the URL's fragment (the build stacks public/routines/<id>.svg into it:
 * scripts/pack-illustrations.ts).
 */
export const STACK_PATH = 'routines.svg';

/** The URL of a routine's drawing, from its illustration's file name (`cat-cow.svg`). */
export const illustrationUrl = (file: string): string => `/${STACK_PATH}#${file.replace(/\.svg$/, '')}`;
