/**
 * Firefox's privileged side, through BiDi's chrome scope (opened by --remote-allow-system-access):
 * Firefox's own view of the add-on (its event page's state, the alert windows that show its
 * notifications, the idle service), and the preferences a test flips while Firefox runs.
 */
import type { Browser } from 'puppeteer-core';

export const GECKO_ID = 'limber@limber.example';

export interface RawBidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvalResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}
interface TreeNode {
  context: string;
  url: string;
}

/** A network channel Firefox opened: its address and the origin (principal) that asked for it. */
export interface NetworkRequest {
  url: string;
  origin: string;
  /** The document it was made for (an extension page, the event page), '' when none. */
  doc: string;
}

export type BackgroundState = 'starting' | 'running' | 'suspending' | 'stopped';
export interface BackgroundEvent {
  at: number;
  name: string;
  detail: string;
}
export interface AlertWindow {
  title: string;
  text: string;
  /** Labels / ids of every button-like element in the alert (Firefox's close and settings controls included). */
  controls: string[];
}

export class Chrome {
  private ctx: Promise<string> | null = null;
  constructor(private readonly browser: Browser) {}

  private get bidi(): RawBidi {
    return (this.browser as unknown as { connection: RawBidi }).connection;
  }

  private context(): Promise<string> {
    this.ctx ??= this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' }).then(({ result }) => {
      const top = (result as { contexts: TreeNode[] }).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
      if (!top) throw new Error('no chrome browser window');
      return top.context;
    });
    return this.ctx;
  }

  /** Evaluates `expression` (which must produce a JSON string or a promise of one) in the chrome scope. */
  async evaluate<T>(expression: string): Promise<T> {
    const target = { context: await this.context() };
    const { result } = await this.bidi.send('script.evaluate', { expression, target, awaitPromise: true });
    const r = result as EvalResult;
    if (r.type === 'exception') throw new Error(`chrome-scope evaluate failed: ${r.exceptionDetails?.text}`);
    const v = r.result?.value;
    return (typeof v === 'string' ? JSON.parse(v) : undefined) as T;
  }

  /** Firefox's own state of the add-on's event page. Reading it does not wake the page. */
  backgroundState(): Promise<BackgroundState> {
    return this.evaluate(`JSON.stringify(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`);
  }

  /** Starts recording the event page's lifecycle events (suspend, shutdown, wake-up by an event, start). */
  recordBackground(): Promise<void> {
    return this.evaluate(`(() => {
      const ext = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      const log = (window.__limberBgLog = []);
      for (const name of ['background-script-suspend', 'background-script-suspend-canceled', 'shutdown-background-script',
                          'background-script-event', 'start-background-script', 'background-script-started']) {
        ext.on(name, (_n, arg) => {
          let detail = '';
          try { detail = typeof arg === 'string' ? arg : arg ? JSON.stringify(arg) : ''; } catch { detail = String(arg); }
          log.push({ at: Date.now(), name, detail });
        });
      }
      return '""';
    })()`);
  }

  backgroundLog(): Promise<BackgroundEvent[]> {
    return this.evaluate(`JSON.stringify(window.__limberBgLog ?? [])`);
  }

  /** Starts counting Firefox's notification (alert) windows as they open. */
  countAlerts(): Promise<void> {
    return this.evaluate(`(() => {
      window.__limberAlerts = [];
      Services.ww.registerNotification({
        observe(win, topic) {
          if (topic !== 'domwindowopened') return;
          win.addEventListener('load', () => {
            if (win.document.documentElement.getAttribute('windowtype') === 'alert:alert') window.__limberAlerts.push(Date.now());
          }, { once: true });
        },
      });
      return '""';
    })()`);
  }

  alertsOpened(): Promise<number[]> {
    return this.evaluate(`JSON.stringify(window.__limberAlerts ?? [])`);
  }

  /** The notification windows on screen, as a person sees them. */
  alerts(): Promise<AlertWindow[]> {
    return this.evaluate(`(() => {
      const out = [];
      for (const w of Services.wm.getEnumerator('alert:alert')) {
        if (w.closed) continue;
        const d = w.document;
        out.push({
          title: d.getElementById('alertTitleLabel')?.getAttribute('value') ?? '',
          text: d.getElementById('alertTextLabel')?.textContent ?? '',
          controls: [...d.querySelectorAll('button, toolbarbutton')].map((b) => b.id || b.getAttribute('label') || b.textContent),
        });
      }
      return JSON.stringify(out);
    })()`);
  }

  /**
   * Clicks the text of the notification window whose title matches: Firefox's alert.js then
   * reports "alertclickcallback", which reaches the add-on as notifications.onClicked.
   */
  clickAlert(titleIncludes = ''): Promise<boolean> {
    return this.evaluate(`(() => {
      for (const w of Services.wm.getEnumerator('alert:alert')) {
        const d = w.document;
        if (!(d.getElementById('alertTitleLabel')?.getAttribute('value') ?? '').includes(${JSON.stringify(titleIncludes)})) continue;
        d.getElementById('alertTextLabel').click();
        return 'true';
      }
      return 'false';
    })()`);
  }

  /** The Add-ons Manager tab (about:addons): which view it shows and its visible text; null when not open. */
  addonsManager(): Promise<{ view: string; text: string } | null> {
    return this.evaluate(`(() => {
      const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === 'about:addons');
      const win = tab?.linkedBrowser.contentWindow;
      if (!win?.document.body) return 'null';
      return JSON.stringify({ view: win.gViewController?.currentViewId ?? '', text: win.document.body.innerText });
    })()`);
  }

  /** Milliseconds since Firefox last saw keyboard or mouse input (headless: since it started). */
  idleTimeMs(): Promise<number> {
    return this.evaluate(`JSON.stringify(Cc['@mozilla.org/widget/useridleservice;1'].getService(Ci.nsIUserIdleService).idleTime)`);
  }

  /**
   * The person is back: tells Firefox's idle service there was input, the call its widget layer
   * makes on every real key press or mouse move (BiDi's synthesized input does not count here).
   */
  userInput(): Promise<void> {
    return this.evaluate(`(Cc['@mozilla.org/widget/useridleservice;1'].getService(Ci.nsIUserIdleServiceInternal).resetIdleTimeOut(0), '""')`);
  }
  /**
   * Sets a Firefox preference while it runs (a number, boolean or string), e.g. the content's
   * colour scheme or reduced motion: puppeteer's emulateMediaFeatures is CDP-only, not BiDi.
   */
  setPref(name: string, value: number | boolean | string): Promise<void> {
    const setter = typeof value === 'number' ? 'setIntPref' : typeof value === 'boolean' ? 'setBoolPref' : 'setStringPref';
    return this.evaluate(`(Services.prefs.${setter}(${JSON.stringify(name)}, ${JSON.stringify(value)}), '""')`);
  }

  /**
   * Starts recording every network channel Firefox opens (HTTP(S) and WebSocket handshakes, from
   * any page, the add-on's event page or Firefox itself), with the origin that caused it. The
   * add-on's own files (moz-extension://) are no network channel and do not show here.
   */
  recordNetwork(): Promise<void> {
    return this.evaluate(`(() => {
      const log = (window.__limberNet = []);
      const observer = {
        observe(subject) {
          const ch = subject.QueryInterface(Ci.nsIChannel);
          let origin = '';
          let doc = '';
          try { origin = ch.loadInfo?.triggeringPrincipal?.origin ?? ''; } catch { origin = '?'; }
          try { doc = BrowsingContext.get(ch.loadInfo.browsingContextID)?.currentWindowGlobal?.documentURI?.spec ?? ''; } catch { doc = '?'; }
          log.push({ url: ch.URI.spec, origin, doc });
        },
      };
      Services.obs.addObserver(observer, 'http-on-opening-request');
      return '""';
    })()`);
  }

  /** The channels opened since recordNetwork(). */
  network(): Promise<NetworkRequest[]> {
    return this.evaluate(`JSON.stringify(window.__limberNet ?? [])`);
  }
}
