import { OPTIONAL_HOSTS } from './lib/call-sites';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE_PATH, DEFAULT_LOCALE, packCatalogue } from './scripts/pack-catalogues';
import { ILLUSTRATION_PATH, STACK_PATH, stackIllustrations } from './scripts/pack-illustrations';

// https://wxt.dev/api/config.html
export default defineConfig({
  // LIMBER_OUT lets parallel work build into its own folder (tests read the same variable).
  outDir: process.env.LIMBER_OUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // The Firefox sources zip (for AMO review): the code and how to build it, no artifacts.
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', '.output-*/**', '.chromium-profile/**', 'docs/**/*.png', '.cache/**'],
  },
  hooks: {
    // Bundled files are named by their hash alone (chunks/<hash>.js, assets/<hash>.css), not
    // WXT's <name>-<hash>: a name is stored twice in the zip, uncompressed, and again in every
    // import of the file (1.2 KB of the store package; each page's scripts ~0.1 KB lighter).
    'vite:build:extendConfig': (entrypoints, config) => {
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      const short = <T,>(name: T): T => (typeof name === 'string' ? (name.replace('[name]-', '') as T) : name);
      const { chunkFileNames: chunk, entryFileNames: entry, assetFileNames: asset } = output;
      output.chunkFileNames = typeof chunk === 'function' ? (info) => short(chunk(info)) : short(chunk);
      output.entryFileNames = typeof entry === 'function' ? (info) => short(entry(info)) : short(entry);
      output.assetFileNames = typeof asset === 'function' ? (info) => short(asset(info)) : short(asset);
      // Letters and digits only: no name can start with "_", which Chrome reserves.
      output.hashCharacters = 'base36';
      // In the build of the other pages: the clock and the status request, two tiny shared modules that
      // welcome loads up front and Options' later part and the weekly review load later, in one file
      // rather than two (the review's later part gains the 0.2 KB status request; no page loads more up front).
      if (entrypoints.some((e) => e.name === 'options')) {
        output.codeSplitting = { groups: [{ name: 'small', includeDependenciesRecursively: false, test: /[\\/](platform[\\/]clock|hooks[\\/]use-status|protocol[\\/]messages)\.ts$/ }] };
      }
    },
    // The catalogues are packaged without their translators' descriptions (scripts/pack-catalogues.ts).
    // The routines' illustrations are packaged as one file, routines.svg (scripts/pack-illustrations.ts).
    'build:publicAssets': (_wxt, files) => {
      files.forEach((f, i) => {
        if (!('absoluteSrc' in f) || !CATALOGUE_PATH.test(f.relativeDest)) return;
        // Every catalogue but the default locale's leaves out what reads as it does there.
        const fallback = path.join(path.dirname(f.absoluteSrc), '..', DEFAULT_LOCALE, 'messages.json');
        const own = path.resolve(f.absoluteSrc) === path.resolve(fallback);
        files[i] = { relativeDest: f.relativeDest, contents: packCatalogue(readFileSync(f.absoluteSrc, 'utf8'), own ? undefined : readFileSync(fallback, 'utf8')) };
      });
      const drawings = files.filter((f): f is typeof f & { absoluteSrc: string } => 'absoluteSrc' in f && ILLUSTRATION_PATH.test(f.relativeDest));
      const stack = stackIllustrations(drawings.map((f) => ({ id: ILLUSTRATION_PATH.exec(f.relativeDest)![1]!, svg: readFileSync(f.absoluteSrc, 'utf8') })));
      files.splice(0, files.length, ...files.filter((f) => !drawings.includes(f as (typeof drawings)[number])), { relativeDest: STACK_PATH, contents: stack });
    },
    // The popup is built on its own (one script file and one stylesheet, its shared code copied
    // in) rather than with the other pages (eleven files from shared chunks): it is opened often
    // and must draw at once, and loading one file instead of eleven saves ~20 ms before its first
    // paint in Chromium (scripts/bench/popup.ts).
    // So are the background and the break page (issue #16): in the shared build the worker's
    // chunks also carried what the pages use of the same modules (29.9 KB gzip instead of 24.7),
    // and the break window, opened at every break, loaded eleven files (27.2 KB instead of 22.4).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const type of ['popup', 'background', 'break']) {
        for (const g of groups) {
          const i = Array.isArray(g) ? g.findIndex((e) => e.type === type || e.name === type) : -1;
          if (Array.isArray(g) && i >= 0 && g.length > 1) {
            groups.push(g.splice(i, 1));
            break;
          }
        }
      }
    },
  },
  vite: () => ({
    // Each page's HTML without the whitespace between its tags (none of it renders).
    plugins: [preact(), { name: 'limber:html-whitespace', transformIndexHtml: { order: 'post', handler: (html: string) => html.replace(/>\s+</g, '><').trim() } }],
    // LIMBER_SOURCEMAP=1: source maps, for the bench's account of the worker's parts (scripts/bench/worker-parts.ts).
    // No modulepreload polyfill: every browser Limber runs in (Chrome, Edge, Firefox 140+) preloads
    // modules itself, and the polyfill cost each page ~0.3 KB gzip up front.
    // No light-dark() lowering: no style sheet uses light-dark(), so the custom properties the
    // lowering declares beside every color-scheme were never read. (lightningcss Features.LightDark)
    css: { lightningcss: { exclude: 1 << 20 /* lightningcss's Features.LightDark (1048576) */ } },
    build: { target: 'es2022', sourcemap: process.env.LIMBER_SOURCEMAP === '1', modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Limber',
    description: '__MSG_extDescription__',
    default_locale: DEFAULT_LOCALE,
    permissions: ['alarms', 'idle', 'notifications', 'storage'],
    // No host permission at install. Optional ones, asked for only when the person turns on
    // "Hold breaks during calls on these sites" (exactly those origins; lib/call-sites.ts):
    // the built-in call sites, and any https site for the ones the person adds.
    optional_host_permissions: OPTIONAL_HOSTS,
    action: { default_title: '__MSG_actionTitle__' },
    // Rebindable in the browser's shortcut settings (chrome://extensions/shortcuts, Firefox's
    // "Manage Extension Shortcuts").
    commands: {
      'start-break': { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_cmdStartBreak__' },
      'toggle-pause': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdTogglePause__' },
    },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    ...(browser === 'firefox'
      ? {
          // 140 (an ESR) is the first Firefox that reads data_collection_permissions,
          // which AMO requires. No gecko_android: AMO would then offer Limber on Firefox for
          // Android, which has no windows API for the break window.
          browser_specific_settings: {
            gecko: {
              id: 'limber@limber.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
