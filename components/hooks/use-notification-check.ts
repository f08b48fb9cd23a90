import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export type NotificationCheck = 'checking' | 'ok' | 'blocked';

/** Whether the browser lets Limber show notifications (Chrome can turn them off per extension). */
export async function checkNotifications(): Promise<Exclude<NotificationCheck, 'checking'>> {
  try {
    const getLevel = (browser.notifications as { getPermissionLevel?: () => Promise<string> }).getPermissionLevel;
    if (getLevel) return (await getLevel()) === 'granted' ? 'ok' : 'blocked';
    return 'ok'; // Firefox has no permission level: notifications are part of the install.
  } catch {
    return 'blocked';
  }
}

export function useNotificationCheck(): NotificationCheck {
  const [state, setState] = useState<NotificationCheck>('checking');
  useEffect(() => void checkNotifications().then(setState), []);
  return state;
}
