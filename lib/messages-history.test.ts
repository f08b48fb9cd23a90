import { describe, expect, it } from 'vitest';
import { parseRequest } from './protocol/requests';

describe('message protocol: history and data', () => {
  it.each([{ type: 'popup/get' }, { type: 'status/refresh' }])('accepts %j', (msg) => {
    expect(parseRequest(msg)).toEqual(msg);
  });
  // "Your data" and the weekly review run in their pages (lib/data.ts, lib/weekly-review.ts):
  // the background takes none of their old requests.
  it.each([
    { type: 'history/review' },
    { type: 'data/export', format: 'json' },
    { type: 'data/export', format: 'csv' },
    { type: 'data/import', text: '{}' },
    { type: 'data/reset', confirm: true },
  ])('rejects %j', (msg) => {
    expect(parseRequest(msg)).toBeNull();
  });
});
