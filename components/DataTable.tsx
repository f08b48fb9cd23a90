/**
 * A chart's data table, for the history charts (components/WeekCharts.tsx, ReviewCharts.tsx):
 * the same numbers as the SVG, visually hidden unless the user shows the tables.
 */
import type { ComponentChildren } from 'preact';

/** A chart's table: in a visually hidden box unless shown (a table cannot shrink itself away). */
export function DataTable({ visible, testid, label, children }: { visible: boolean; testid: string; label: string; children: ComponentChildren }) {
  // Shown, a wide table scrolls sideways in its box: the box is then a named, focusable group
  // so that keyboard users can scroll it too.
  return (
    <div class={visible ? 'table-wrap' : 'visually-hidden'} {...(visible ? { tabIndex: 0, role: 'group', 'aria-label': label } : {})}>
      <table class="data-table" data-testid={testid}>
        {children}
      </table>
    </div>
  );
}
