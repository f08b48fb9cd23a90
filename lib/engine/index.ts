/**
 * The background's engine, assembled: the runtime (./runtime.ts) with the real browser and
 * storage (./browser.ts), the browser events (./lifecycle.ts) and the pages' messages
 * (./handlers/). entrypoints/background.ts wires browser events to these and does nothing else.
 */
import { browserPlatform, browserStore } from './browser';
import { messageHandler } from './handlers';
import { lifecycle } from './lifecycle';
import { createRuntime } from './runtime';

const runtime = createRuntime(browserPlatform, browserStore);

export const { dispatch, wake, windowClosed, command, installed, settingsChanged } = lifecycle(runtime);
export const handleMessage = messageHandler(runtime);
export type { Handled } from './runtime';
