/**
 * A CouchDB-protocol server for developing and testing sync (issue 14): PouchDB Server, in memory,
 * on 127.0.0.1 only. `npm run sync-server -- --port N` prints its URL and runs until stopped; tests
 * import startSyncServer() and stop it themselves. With `--user U --password P` it gets an admin,
 * so it refuses anonymous and wrong-password requests like a real CouchDB 3.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'node_modules/pouchdb-server/bin/pouchdb-server');

async function answers(url) {
  try {
    const response = await fetch(url);
    return response.ok || response.status === 401;
  } catch {
    return false;
  }
}

/** Starts the server; resolves once it answers `GET /`. `port` 0 picks a free one. */
export async function startSyncServer({ port = 0, user = '', password = '' } = {}) {
  const chosen = port || (await freePort());
  // PouchDB Server writes its config and log files into its working directory: keep them out of the repo.
  const dir = mkdtempSync(join(tmpdir(), 'cc-sync-server-'));
  const child = spawn(process.execPath, [BIN, '-o', '127.0.0.1', '-p', String(chosen), '-m', '-n', '-c', join(dir, 'config.json')], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${chosen}`;
  const started = Date.now();
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`PouchDB Server exited (${child.exitCode}): ${stderr.slice(0, 500)}`);
    if (Date.now() - started > 30_000) {
      child.kill();
      throw new Error(`PouchDB Server did not answer at ${url} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (user) {
    const response = await fetch(`${url}/_config/admins/${encodeURIComponent(user)}`, { method: 'PUT', body: JSON.stringify(password) });
    if (!response.ok) throw new Error(`Could not add the admin ${user}: HTTP ${response.status}`);
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startSyncServer({ port: Number(option('port') ?? 5984), user: option('user') ?? '', password: option('password') ?? '' });
  console.log(server.url);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
