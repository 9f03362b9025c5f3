/** Where the Debian browsers are and how to start them on a closed network (see docs/testing.md). */
import { existsSync } from 'node:fs';

export function chromiumExecutable() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return path;
}

export function firefoxExecutable() {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`Firefox ESR not found at ${path}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  return path;
}

/** Flags for a quiet Chromium: no sandbox as root, no calls home (the network is closed). */
export function chromiumArgs(extra = []) {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-quic',
    ...extra,
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}
