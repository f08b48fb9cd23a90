/**
 * Options: "Your data". Export the history as CSV or everything as JSON (a Blob saved through
 * <a download>), import a JSON backup, and reset with a confirmation (components/ResetConfirm.tsx). An
 * import is checked here first (lib/backup-parse.ts), once the page has said it is checking (a file
 * of 170,000 breaks takes seconds): a refused file says why and changes nothing; a good one shows
 * what it holds and what would be lost (components/ImportPreview.tsx), and only "Replace my data"
 * imports it: the breaks and settings that check read (lib/data.ts importBackup), not the file read
 * and checked again. The work runs here, on the same IndexedDB and settings as the background
 * (lib/data.ts; issue #16 keeps it out of the worker); after an import or a reset the background is
 * asked to redraw the popup's snapshot and the badge ('status/refresh').
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAskBeforeLeaving } from './hooks/use-ask-before-leaving';
import { openPage } from './open-page';
import { t } from '../lib/i18n';
import { ask } from '../lib/protocol/messages';
import { MAX_IMPORT_BYTES } from '../lib/limits';
import { parseBackup, type CheckedBackup } from '../lib/backup-parse';
import { lostBreaks, summarizeBackup, type BackupSummary } from '../lib/backup-summary';
import { currentHistory, exportData, importBackup, resetData } from '../lib/data';
import { clock } from '../lib/platform/clock';
import { storedOwnRoutines } from '../lib/storage/own-routines';
import { ROUTINES } from '../content/routines';
import { fileProblemText, importMessage, notes, type Note } from './import-text';
import { decodeImportFile } from './import-file';
import { ImportPreview } from './ImportPreview';
import { ResetConfirm } from './ResetConfirm';
import { send } from './hooks/use-status';
import './data-prefs.css';

export { importMessage };

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** A checked file waiting for "Replace my data" or "Cancel": what its check read, to be written as it is. */
interface Pending {
  backup: CheckedBackup;
  summary: BackupSummary;
  notes: Note[];
}

const KNOWN_ROUTINES = new Set(ROUTINES.map((r) => r.id));
const knownRoutine = (id: string) => KNOWN_ROUTINES.has(id);

/**
 * After the next paint: what the page has just drawn (a status) is shown, and heard, before work
 * that holds the page. At most 100 ms: a hidden tab paints no frame, and the check must not wait for it.
 */
const afterPaint = () =>
  new Promise<void>((done) => {
    setTimeout(done, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
  });

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

/**
 * Asks the background to make the popup's snapshot and the badge again from the new history (and,
 * `replaced`, to drop break outcomes still waiting for the old one); an import and a reset also
 * send it before they replace anything (lib/data.ts TellBackground). The data is written either
 * way: a background that does not answer redraws on its next event.
 */
const refresh = (replaced = true) => ask(send, { type: 'status/refresh', replaced }).then(
  () => undefined,
  (err: unknown) => console.warn('[limber] status not refreshed', err),
);

export function DataPrefs() {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<'import' | 'read' | 'other' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const importCancelRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus when a confirmation opens.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  /**
   * Every control here is disabled while an export, a check, an import or a reset runs, and a
   * browser takes the focus from a control disabled while it has it (to the page's body): the
   * control to have it back once the work is done (the export button pressed, the file field, the
   * reset button once its confirmation has closed and it is on the page again), unless the work
   * moved it on (a preview's Cancel). `running`: an effect of a render before the work began may
   * run after it began; it must not take the focus back yet.
   */
  const refocus = useRef<(() => HTMLElement | null) | null>(null);
  const running = useRef(false);
  useEffect(() => {
    if (busy !== null || running.current || !refocus.current) return;
    const el = refocus.current();
    if (el === null) return; // not on the page yet
    refocus.current = null;
    if (el.isConnected) el.focus();
  }, [busy, confirming]);
  const closeConfirm = () => {
    refocus.current = () => resetRef.current;
    setConfirming(false);
  };
  useEffect(() => {
    if (pending) importCancelRef.current?.focus();
  }, [pending]);
  // While an import or a reset writes (the history, then the settings and the own routines), the
  // browser asks before the tab closes or reloads: in between, half of it would be done.
  const writing = useRef(false);
  useAskBeforeLeaving(writing);
  /** `fn` with the tab's closing asked about until it is done. */
  const guarded = async <T,>(fn: () => Promise<T>): Promise<T> => {
    writing.current = true;
    try {
      return await fn();
    } finally {
      writing.current = false;
    }
  };

  const run = async (kind: 'import' | 'read' | 'other', fn: () => Promise<Message>) => {
    setBusy(kind);
    setMessage(null);
    running.current = true;
    try {
      setMessage(await fn());
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const exportAs = (format: 'json' | 'csv', button: HTMLElement) =>
    run('other', async () => {
      refocus.current = () => button;
      try {
        const f = await exportData(format);
        saveFile(f.filename, f.mime, f.text);
        return { kind: 'ok', text: t(f.historyOff ? 'exportDoneHistoryOff' : 'exportDone', f.filename) };
      } catch {
        return { kind: 'error', text: t('exportFailed') };
      }
    });

  /** Checks the chosen file and shows what it holds; nothing is sent yet. */
  const chooseFile = (input: HTMLInputElement) =>
    run('read', async () => {
      const file = input.files?.[0];
      input.value = '';
      refocus.current = () => input;
      setPending(null);
      if (!file) return null;
      if (file.size > MAX_IMPORT_BYTES) return { kind: 'error', text: t('importTooLarge') };
      let text: string | null;
      try {
        text = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
      } catch {
        return { kind: 'error', text: t('importReadFailed') };
      }
      if (text === null) return { kind: 'error', text: t('importNotUtf8') };
      await afterPaint(); // "Checking the file…" is on the page before the check holds it
      const parsed = parseBackup(text, clock.now());
      if (!parsed.ok) return { kind: 'error', text: fileProblemText(parsed.problem, text) };
      // What the current history would lose.
      let lost: { newer: number; other: number } | null = null;
      try {
        const current = await currentHistory();
        if (current === null) return { kind: 'error', text: t('importHistoryOff') };
        lost = lostBreaks(current, parsed.value);
      } catch {
        lost = null; // the preview says nothing about losses it could not count
      }
      // The own routines the backup's would replace (unread: the preview says nothing of them).
      const ownNow = await storedOwnRoutines().then((own) => own.length, () => null);
      const summary = summarizeBackup(parsed.value, knownRoutine);
      refocus.current = null; // the preview's Cancel takes it
      setPending({ backup: parsed.value, summary, notes: notes(summary, lost, ownNow) });
      return null;
    });

  const closePreview = () => {
    setPending(null);
    fileRef.current?.focus();
  };

  const cancelImport = () => {
    closePreview();
    setMessage({ kind: 'ok', text: t('importCancelled') });
  };

  const replace = (p: Pending) =>
    run('import', async () => {
      closePreview();
      refocus.current = () => fileRef.current;
      let r;
      try {
        r = await guarded(() => importBackup(p.backup, refresh));
      } catch {
        await refresh(false); // part of it may have happened: redraw
        return { kind: 'error', text: t('importWriteFailed') };
      }
      // Refused or put back, the popup was perhaps drawn from the backup's history already: redrawn either way.
      await refresh(r.imported);
      return { kind: r.imported ? 'ok' : 'error', text: importMessage(r) };
    });

  const reset = () =>
    run('other', async () => {
      closeConfirm();
      setPending(null); // a preview still open counted losses from the data about to be deleted
      try {
        await guarded(() => resetData(refresh));
      } catch {
        // Part of it may have happened: redraw. The breaks still waiting to be written are dropped
        // only by resetData, once the history is cleared (not when it could not be).
        await refresh(false);
        return { kind: 'error', text: t('errActionFailed') };
      }
      await refresh();
      return { kind: 'ok', text: t('resetDone') };
    });

  return (
    <section class="card section data-prefs" aria-labelledby="data-h" data-testid="data-prefs">
      <div class="section-head">
        <h2 id="data-h">{t('dataTitle')}</h2>
        <button class="btn btn-quiet" data-testid="open-review" onClick={() => void openPage('/review.html')}>
          {t('openWeeklyReview')}
        </button>
      </div>
      <p class="muted small">{t('dataIntro')}</p>
      <div class="row data-actions">
        <button class="btn" data-testid="export-json" disabled={busy !== null} onClick={(e) => void exportAs('json', e.currentTarget)}>
          {t('exportJson')}
        </button>
        <button class="btn" data-testid="export-csv" disabled={busy !== null} onClick={(e) => void exportAs('csv', e.currentTarget)}>
          {t('exportCsv')}
        </button>
      </div>
      <p class="muted small">{t('exportHint')}</p>
      <div class="field" aria-busy={busy === 'read'} data-testid="import-field">
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          disabled={busy !== null}
          aria-describedby="import-hint"
          onChange={(e) => void chooseFile(e.target as HTMLInputElement)}
        />
        <p id="import-hint" class="muted small">{t('importHint')}</p>
      </div>
      {pending && (
        <ImportPreview summary={pending.summary} notes={pending.notes} onReplace={() => void replace(pending)} onCancel={cancelImport} cancelRef={importCancelRef} />
      )}
      {/* On the page before it speaks, so that screen readers hear it. */}
      <p class="muted small import-status" role="status" data-testid="import-status">
        {busy === 'read' ? t('importChecking') : busy === 'import' ? t('importWorking') : ''}
      </p>
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
          <button class="btn btn-danger" data-testid="reset" ref={resetRef} disabled={busy !== null} onClick={() => setConfirming(true)}>
            {t('resetAction')}
          </button>
        </div>
      ) : (
        <ResetConfirm onConfirm={() => void reset()} onCancel={closeConfirm} cancelRef={cancelRef} />
      )}
    </section>
  );
}
