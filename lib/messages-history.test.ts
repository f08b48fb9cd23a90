import { describe, expect, it } from 'vitest';
import { parseRequest } from './requests';
import { MAX_IMPORT_BYTES } from './limits';

describe('message protocol: history and data', () => {
  it.each([
    { type: 'popup/get' },
    { type: 'history/review' },
    { type: 'data/export', format: 'json' },
    { type: 'data/export', format: 'csv' },
    { type: 'data/import', text: '{}' },
    { type: 'data/reset', confirm: true },
  ])('accepts %j', (msg) => {
    expect(parseRequest(msg)).toEqual(msg);
  });
  it.each([
    { type: 'data/export' },
    { type: 'data/export', format: 'xml' },
    { type: 'data/import' },
    { type: 'data/import', text: 42 },
    { type: 'data/import', text: { history: [] } },
    { type: 'data/reset' },
    { type: 'data/reset', confirm: false },
    { type: 'data/reset', confirm: 'true' },
  ])('rejects %j', (msg) => {
    expect(parseRequest(msg)).toBeNull();
  });
  it('an import text over the limit is refused before it is parsed', () => {
    expect(parseRequest({ type: 'data/import', text: ' '.repeat(MAX_IMPORT_BYTES + 2) })).toBeNull();
  });
});
