/** The only place under lib/ that reads the clock or the machine's time zone. */
export const clock = {
  now: (): number => Date.now(),
  timeZone: (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
};
