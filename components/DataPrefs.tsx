/**
 * Options: "Your data". Export the history as CSV or everything as JSON (a Blob saved through
 * <a download>), import a JSON backup (checked whole by the background; refused files change
 * nothing), and reset with a confirmation. Only the background writes: this component sends
 * 'data/export', 'data/import' and 'data/reset' and shows what comes back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../lib/i18n';
import { ask, RequestError } from '../lib/messages';
import { MAX_IMPORT_BYTES } from '../lib/limits';
import type { ImportResult } from '../lib/data';
import { send } from './hooks/use-status';
import './data-prefs.css';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const PROBLEM: Record<Exclude<ImportResult, { imported: true }>['problem'], MessageKey> = {
  tooLarge: 'importTooLarge',
  notJson: 'importNotJson',
  hostile: 'importHostile',
  notBackup: 'importNotBackup',
  wrongVersion: 'importWrongVersion',
  invalid: 'importInvalid',
  historyOff: 'importHistoryOff',
  writeFailed: 'importWriteFailed',
};

/** The message for an import result. */
export function importMessage(r: ImportResult): string {
  if (r.imported) return t('importDone', r.breaks);
  return r.problem === 'invalid' ? t('importInvalid', r.detail ?? '') : t(PROBLEM[r.problem]);
}

function saveFile(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke once the download has taken the data.
  requestAnimationFrame(() => setTimeout(() => URL.revokeObjectURL(url), 1000));
}

export function DataPrefs() {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus when the confirmation opens.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const run = async (fn: () => Promise<Message>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await fn());
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'json' | 'csv') =>
    run(async () => {
      try {
        const f = await ask(send, { type: 'data/export', format });
        saveFile(f.filename, f.mime, f.text);
        return { kind: 'ok', text: `${t('exportDone', f.filename)}${f.historyOff ? ` ${t('exportHistoryOff')}` : ''}` };
      } catch {
        return { kind: 'error', text: t('exportFailed') };
      }
    });

  const importFile = (input: HTMLInputElement) =>
    run(async () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return null;
      if (file.size > MAX_IMPORT_BYTES) return { kind: 'error', text: t('importTooLarge') };
      let text: string;
      try {
        text = await file.text();
      } catch {
        return { kind: 'error', text: t('importReadFailed') };
      }
      try {
        const r = await ask(send, { type: 'data/import', text });
        return { kind: r.imported ? 'ok' : 'error', text: importMessage(r) };
      } catch (e) {
        // A request the protocol refuses outright is one too large to be a backup.
        return { kind: 'error', text: e instanceof RequestError && e.code === 'badRequest' ? t('importTooLarge') : t('importWriteFailed') };
      }
    });

  const reset = () =>
    run(async () => {
      setConfirming(false);
      try {
        await ask(send, { type: 'data/reset', confirm: true });
        return { kind: 'ok', text: t('resetDone') };
      } catch {
        return { kind: 'error', text: t('errActionFailed') };
      }
    });

  return (
    <section class="card section data-prefs" aria-labelledby="data-h" data-testid="data-prefs">
      <div class="section-head">
        <h2 id="data-h">{t('dataTitle')}</h2>
        <button class="btn btn-quiet" data-testid="open-review" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') })}>
          {t('openWeeklyReview')}
        </button>
      </div>
      <p class="muted small">{t('dataIntro')}</p>
      <div class="row data-actions">
        <button class="btn" data-testid="export-json" disabled={busy} onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </button>
        <button class="btn" data-testid="export-csv" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
      </div>
      <p class="muted small">{t('exportHint')}</p>
      <div class="field">
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          disabled={busy}
          aria-describedby="import-hint"
          onChange={(e) => void importFile(e.target as HTMLInputElement)}
        />
        <p id="import-hint" class="muted small">{t('importHint')}</p>
      </div>
      {busy && <p class="muted small" role="status">{t('importWorking')}</p>}
      <p
        class={message?.kind === 'error' ? 'field-error data-message' : 'data-message ok'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
        aria-live="polite"
        data-testid="data-message"
        data-kind={message?.kind ?? ''}
      >
        {message?.text ?? ''}
      </p>
      {!confirming ? (
        <div>
          <button class="btn btn-danger" data-testid="reset" disabled={busy} onClick={() => setConfirming(true)}>
            {t('resetAction')}
          </button>
        </div>
      ) : (
        <div class="confirm" role="group" aria-labelledby="reset-text" data-testid="reset-confirm">
          <p id="reset-text">{t('resetConfirmText')}</p>
          <div class="row">
            <button class="btn btn-danger-strong" data-testid="reset-confirm-yes" onClick={() => void reset()}>
              {t('resetConfirm')}
            </button>
            <button class="btn" data-testid="reset-cancel" ref={cancelRef} onClick={() => setConfirming(false)}>
              {t('resetCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
