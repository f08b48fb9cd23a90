import { describe, expect, it } from 'vitest';
import { ask, RequestError } from './messages';
import { parseRequest } from './requests';

describe('message protocol', () => {
  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'status/get' })).toEqual({ type: 'status/get' });
    expect(parseRequest({ type: 'break/finish', breakId: 'stretch-1', outcome: 'completed', routineId: 'cat-cow' })).toBeTruthy();
    expect(parseRequest({ type: 'break/snooze', breakId: 'b-1', minutes: 15 })).toEqual({ type: 'break/snooze', breakId: 'b-1', minutes: 15 });
    expect(parseRequest({ type: 'break/snooze', breakId: 'b-1' })).toEqual({ type: 'break/snooze', breakId: 'b-1' });
  });
  it.each([
    null,
    'status/get',
    {},
    { type: 'nope' },
    { type: 'break/snooze' },
    { type: 'break/snooze', breakId: '' },
    { type: 'break/snooze', breakId: 'A B' },
    { type: 'break/snooze', breakId: 'x'.repeat(200) },
    { type: 'break/snooze', breakId: 'b-1', minutes: 10 },
    { type: 'break/snooze', breakId: 'b-1', minutes: '5' },
    { type: 'break/snooze', breakId: 'b-1', minutes: 0 },
    { type: 'break/snooze', breakId: 'b-1', minutes: null },
    { type: 'break/finish', breakId: 'b-1', outcome: 'natural', routineId: null },
    { type: 'break/finish', breakId: 'b-1', outcome: 'completed' },
    { type: 'break/finish', breakId: 'b-1', outcome: 'completed', routineId: '<script>' },
  ])('rejects %j', (raw) => {
    expect(parseRequest(raw)).toBeNull();
  });
  it('ask() unwraps replies and turns refusals into errors', async () => {
    await expect(ask(async () => ({ ok: true, data: { skipped: true } }), { type: 'break/skip', breakId: 'b-1' })).resolves.toEqual({ skipped: true });
    await expect(ask(async () => ({ ok: false, error: 'noSuchBreak' }), { type: 'break/skip', breakId: 'b-1' })).rejects.toBeInstanceOf(RequestError);
    await expect(ask(async () => undefined, { type: 'status/get' })).rejects.toThrow(/internal/);
  });
});
