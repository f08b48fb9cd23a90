/** Options: the keyboard shortcuts as the browser has them bound, and where to change them. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';

interface Binding {
  name: string;
  shortcut: string;
  description: string;
}

export function ShortcutPrefs() {
  const [bindings, setBindings] = useState<Binding[] | null>(null);
  useEffect(() => {
    const read = () =>
      void browser.commands
        .getAll()
        .then((all) => setBindings(all.filter((c) => c.name && !c.name.startsWith('_')).map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '', description: c.description ?? c.name! }))))
        .catch(() => setBindings([]));
    read();
    // Changed in the browser's shortcut settings: read again when this page is back in view
    // (and on the browser's own event, where there is one: Firefox).
    const changed = (browser.commands as { onChanged?: { addListener(f: () => void): void; removeListener(f: () => void): void } }).onChanged;
    changed?.addListener(read);
    window.addEventListener('focus', read);
    document.addEventListener('visibilitychange', read);
    return () => {
      changed?.removeListener(read);
      window.removeEventListener('focus', read);
      document.removeEventListener('visibilitychange', read);
    };
  }, []);
  const openSettings = () => {
    const open = (browser.commands as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings;
    if (open) void open();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };
  return (
    <section class="card section" aria-labelledby="shortcuts-h">
      <h2 id="shortcuts-h">{t('shortcutsTitle')}</h2>
      {bindings && (
        <dl class="shortcuts">
          {bindings.map((b) => (
            <div key={b.name} class="shortcut" data-testid={`shortcut-${b.name}`}>
              <dt>{b.description}</dt>
              <dd>{b.shortcut ? <kbd>{b.shortcut}</kbd> : <span class="muted">{t('shortcutNone')}</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <button type="button" class="btn" data-testid="shortcut-settings" onClick={openSettings}>{t('shortcutsChange')}</button>
      </p>
    </section>
  );
}
