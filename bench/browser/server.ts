import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';

/** Builds the app and serves the production bundle on `port`; resolves when it answers. */
export async function servePreview(port: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    'sh',
    ['-c', `npx vite build --logLevel error && exec npx vite preview --host 127.0.0.1 --port ${port} --strictPort`],
    { stdio: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`preview server on ${url} did not start`);
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** p-th percentile (0..100) of samples. */
export function percentile(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
