/**
 * What the sound holds' e2e tests play (tests/e2e-display/sound.spec.ts): a page on 127.0.0.1
 * served by the test with a looping generated tone (a WAV made here, no file, no network).
 * Headless Chromium never marks a tab `audible` (measured with Chromium 156: a playing <audio> and
 * a WebAudio oscillator both leave `tabs.query({ audible: true })` empty); a Chromium with a window
 * on a virtual display does, so those tests run there.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
