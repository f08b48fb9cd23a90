/**
 * The value of a working-hours time field (an <input type="time"> in components/ScheduleEditor.tsx)
 * read as a minute of the day, and a minute written back into one. The browser gives the field's
 * value as "HH:MM" on a 24-hour clock whatever clock it shows ("08:30" for 8:30 AM), and '' while
 * the time is cleared or half typed; anything else is not a time the editor saves.
 */
import { describe, expect, it } from 'vitest';
import { fieldMinute, fieldText } from './schedule-form';

describe('a time field read as a minute of the day', () => {
  it.each([
    ['08:30', 8 * 60 + 30],
    ['00:00', 0],
    ['23:59', 23 * 60 + 59],
    ['13:05', 13 * 60 + 5],
  ])('"%s" is minute %i', (text, minute) => {
    expect(fieldMinute(text)).toBe(minute);
  });

  it.each([
    ['', 'cleared or half typed'],
    ['8', 'an hour alone'],
    ['0830', 'no colon'],
    ['8:30', 'a one-digit hour (never a time field\'s value)'],
    ['08:3', 'a one-digit minute'],
    ['24:00', 'midnight as the end of a day (a time field cannot hold it)'],
    ['23:60', 'a minute past 59'],
    ['08:30:00', 'with seconds (the fields take minutes only)'],
    ['8:30 PM', 'a 12-hour time (the value is always 24-hour)'],
    [' 08:30', 'with a space'],
    ['ab:cd', 'junk'],
    ['٠٨:٣٠', 'digits other than 0-9'],
  ])('"%s" (%s) is no time', (text) => {
    expect(fieldMinute(text)).toBeNull();
  });

  it.each([
    [0, '00:00'],
    [8 * 60 + 30, '08:30'],
    [23 * 60 + 59, '23:59'],
    [24 * 60, '00:00'], // a range that ends at midnight shows 00:00 in its field
  ])('minute %i is written "%s", and read back the same minute of the day', (minute, text) => {
    expect(fieldText(minute)).toBe(text);
    expect(fieldMinute(fieldText(minute))).toBe(minute % 1440);
  });
});
