/**
 * What the holds' e2e tests play and where (tests/e2e/holds.spec.ts): a page on 127.0.0.1 served
 * by the test with a looping generated tone (a WAV made here, no file, no network), and a real
 * Chromium window on a virtual X display (Xvfb).
 *
 * Why a display: headless Chromium never marks a tab `audible` (measured with Chromium 156: a
 * playing <audio> and a WebAudio oscillator both leave `tabs.query({ audible: true })` empty),
 * while the same Chromium with a window on Xvfb does, as a desktop browser does. So sound is
 * tested for real, in a headed Chromium under Xvfb (Debian package `xvfb`).
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM, EXTENSION_DIR, chromiumArgs } from './fixtures';

/** A mono 16-bit WAV of a 440 Hz tone, `sec` long. */
export function toneWav(sec: number, rate = 8000): Buffer {
  const n = sec * rate;
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

/** Serves `/` (a page with a looping tone: `#play`, `#stop`) and `/quiet` on 127.0.0.1. */
export async function serveTone(): Promise<{ url: string; quiet: string; close(): Promise<void> }> {
  const wav = toneWav(20);
  const server = http.createServer((req, res) => {
    if (req.url === '/tone.wav') {
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length });
      res.end(wav);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      req.url === '/quiet'
        ? '<!doctype html><title>Quiet</title><p>Nothing plays here.</p>'
        : '<!doctype html><title>Tone</title><audio id="tone" src="/tone.wav" loop></audio>' +
            '<button id="play" onclick="tone.play()">Play</button><button id="stop" onclick="tone.pause()">Stop</button>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    quiet: `http://127.0.0.1:${port}/quiet`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Starts Xvfb on a free display; returns its DISPLAY value and a stop function. */
export async function startXvfb(): Promise<{ display: string; stop(): void }> {
  let proc: ChildProcess;
  try {
    proc = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    throw new Error('Xvfb is needed for the sound tests: apt-get install -y xvfb');
  }
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.once('error', () => reject(new Error('Xvfb is needed for the sound tests: apt-get install -y xvfb')));
    proc.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
  });
  proc.removeAllListeners('exit');
  return { display, stop: () => void proc.kill('SIGTERM') };
}

/** Chromium with a window on `display` (not headless), the production build loaded as in the other specs. */
export async function launchHeaded(userDataDir: string, display: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs(EXTENSION_DIR),
    env: { ...process.env, DISPLAY: display } as Record<string, string>,
  });
}
