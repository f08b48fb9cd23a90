/**
 * Options, "Your data": the preview of a checked backup before it is imported. It says what the
 * file holds and what would be lost (components/import-text.ts words it), and offers "Replace my
 * data" and "Cancel" (Escape too). What it acts on, and where the focus goes, is DataPrefs': its
 * Cancel (`cancelRef`) takes the focus when the preview opens.
 */
import type { RefObject } from 'preact';
import { t } from '../lib/i18n';
import type { BackupSummary } from '../lib/backup-summary';
import { summaryText, type Note } from './import-text';

interface Props {
  summary: BackupSummary;
  notes: Note[];
  onReplace: () => void;
  onCancel: () => void;
  cancelRef: RefObject<HTMLButtonElement>;
}

export function ImportPreview({ summary, notes, onReplace, onCancel, cancelRef }: Props) {
  return (
    <div
      class="confirm import-preview"
      role="group"
      aria-labelledby="import-preview-h"
      aria-describedby="import-summary import-notes"
      data-testid="import-preview"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id="import-preview-h">{t('importPreviewTitle')}</h3>
      <p id="import-summary" data-testid="import-summary">{summaryText(summary)}</p>
      <ul id="import-notes" class="import-notes">
        {notes.map((n) => (
          <li key={n.id} class={n.warn ? 'warn' : undefined} data-testid={`import-note-${n.id}`}>
            {n.text}
          </li>
        ))}
      </ul>
      <div class="row">
        <button class="btn btn-danger-strong" data-testid="import-replace" onClick={onReplace}>
          {t('importReplace')}
        </button>
        <button class="btn" data-testid="import-cancel" ref={cancelRef} onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
