// Shared helpers for the end-to-end suite: Debian's Chromium through playwright-core, and the
// project's own static server on a free port.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Starts scripts/serve.mjs on a free port; resolves to { url, stop }. */
export async function serve(root = 'www', extra = []) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--root', root, '--port', '0', '--quiet', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(child.stdout, 'data');
  const port = String(line).match(/listening (\d+)/)?.[1];
  if (!port) throw new Error(`server did not start: ${line}`);
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}
