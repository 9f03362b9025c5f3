import { SyncError } from '../../core/sync/sync-errors';

/**
 * The few CouchDB HTTP calls sync needs, over fetch (works in the service worker, the Firefox
 * event page and Node): server info, database, bulk get and write, changes, attachments. Every
 * failure becomes a SyncError saying what is wrong; credentials travel only in the
 * Authorization header and appear in no message.
 */

export interface CouchTarget {
  url: string;
  database: string;
  username: string;
  password: string;
}

export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

export interface ChangesPage {
  results: { id: string; seq: string | number; doc?: CouchDoc; deleted?: boolean }[];
  last_seq: string | number;
}

/** Slower than this, the server counts as unreachable for this round; the next one resumes. */
const TIMEOUT_MS = 30_000;

export class Couch {
  private readonly base: string;
  private readonly auth: string | null;

  constructor(private readonly target: CouchTarget) {
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      throw new SyncError('bad-url', `“${target.url}” is not a web address: enter the server's address, like https://couch.example.com:6984.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new SyncError('bad-url', 'The sync server address must start with https:// (or http:// on this computer).');
    if (!/^[a-z][a-z0-9_$()+/-]*$/.test(target.database)) {
      throw new SyncError('bad-url', 'A database name starts with a lower-case letter and holds only a–z, 0–9 and _$()+-/.');
    }
    this.base = url.href.replace(/\/+$/, '');
    this.auth = target.username ? `Basic ${btoa(unescape(encodeURIComponent(`${target.username}:${target.password}`)))}` : null;
  }

  private get db(): string {
    return `${this.base}/${encodeURIComponent(this.target.database)}`;
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.auth) headers.set('Authorization', this.auth);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    try {
      return await fetch(url, { ...init, headers, credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new SyncError(
        'network',
        timedOut
          ? `The sync server at ${this.base} did not answer within ${TIMEOUT_MS / 1000} s; sync will try again.`
          : `Could not reach the sync server at ${this.base}: check the address and your connection, and that its TLS certificate is valid.`,
      );
    }
  }

  private async json<T>(response: Response, what: string): Promise<T> {
    if (response.status === 401) throw new SyncError('unauthorized', 'The sync server refused the user name or password: check them.');
    if (response.status === 403) throw new SyncError('unauthorized', `This user may not ${what} on the sync server: ask its admin for access.`);
    if (response.status >= 500)
      throw new SyncError('server-error', `The sync server failed (HTTP ${response.status}) while trying to ${what}; sync will try again.`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new SyncError('server-error', `The sync server answered something that is not CouchDB's JSON while trying to ${what}; sync will try again.`);
    }
  }

  /** Is this a CouchDB server, do the credentials work, does the database exist (else create it)? */
  async connect(): Promise<void> {
    const root = await this.request(`${this.base}/`);
    if (root.status !== 401) {
      const info = await root.json().catch(() => null);
      if (!info || typeof info !== 'object' || !('couchdb' in info || 'express-pouchdb' in info)) {
        throw new SyncError(
          'not-couchdb',
          `${this.base} is not a CouchDB server (it answered HTTP ${root.status} without CouchDB's welcome). Check the address and port.`,
        );
      }
    }
    const head = await this.request(`${this.db}`);
    if (head.status === 401) throw new SyncError('unauthorized', 'The sync server refused the user name or password: check them.');
    if (head.ok) return;
    if (head.status !== 404) await this.json(head, 'open the database');
    const created = await this.request(`${this.db}`, { method: 'PUT' });
    if (created.status === 401 || created.status === 403) {
      throw new SyncError(
        'no-database',
        `The database “${this.target.database}” does not exist and this user may not create it: create it on the server, or ask its admin.`,
      );
    }
    if (!created.ok && created.status !== 412) await this.json(created, 'create the database');
  }

  async get(id: string): Promise<CouchDoc | null> {
    const response = await this.request(`${this.db}/${encodeURIComponent(id)}`);
    if (response.status === 404) return null;
    return this.json<CouchDoc>(response, 'read a document');
  }

  /**
   * The current revisions of `ids` (absent or deleted ones are left out); with `attachments`, each
   * attachment's bytes come inline (base64), so many images are one request instead of one each.
   */
  async getMany(ids: string[], attachments = false): Promise<Map<string, CouchDoc>> {
    if (ids.length === 0) return new Map();
    const response = await this.request(`${this.db}/_all_docs?include_docs=true${attachments ? '&attachments=true' : ''}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ keys: ids }),
    });
    const body = await this.json<{ rows?: { key: string; doc?: CouchDoc | null }[] }>(response, 'read documents');
    if (!Array.isArray(body.rows)) throw new SyncError('server-error', 'The sync server answered a bulk read without rows; sync will try again.');
    return new Map(body.rows.filter((row) => row.doc).map((row) => [row.key, row.doc!]));
  }

  /**
   * Writes; returns the ids refused as conflicts (someone wrote meanwhile: merge again), and the new
   * revision of each written one (a pull that meets it again knows it is its own write).
   */
  async putMany(docs: CouchDoc[]): Promise<{ written: number; conflicts: string[]; revs: Map<string, string> }> {
    if (docs.length === 0) return { written: 0, conflicts: [], revs: new Map() };
    const response = await this.request(`${this.db}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    const rows = await this.json<{ id: string; rev?: string; ok?: boolean; error?: string; reason?: string }[]>(response, 'write documents');
    if (!Array.isArray(rows)) throw new SyncError('server-error', 'The sync server answered a bulk write without results; sync will try again.');
    const conflicts = rows.filter((row) => row.error === 'conflict').map((row) => row.id);
    const failed = rows.find((row) => row.error && row.error !== 'conflict');
    if (failed) throw new SyncError('server-error', `The sync server refused a document (${failed.error}: ${failed.reason ?? ''}); sync will try again.`);
    const revs = new Map(rows.filter((row) => !row.error && row.rev).map((row) => [row.id, row.rev!]));
    return { written: rows.length - conflicts.length, conflicts, revs };
  }

  async changes(since: string, limit: number): Promise<ChangesPage> {
    const response = await this.request(`${this.db}/_changes?include_docs=true&limit=${limit}&since=${encodeURIComponent(since)}`);
    const page = await this.json<ChangesPage>(response, 'read changes');
    if (!Array.isArray(page.results) || page.last_seq === undefined)
      throw new SyncError('server-error', 'The sync server answered a change list without results; sync will try again.');
    return page;
  }

  async attachment(id: string, name: string): Promise<Uint8Array | null> {
    const response = await this.request(`${this.db}/${encodeURIComponent(id)}/${encodeURIComponent(name)}`, { headers: { Accept: '*/*' } });
    if (response.status === 404) return null;
    if (!response.ok) await this.json(response, 'read an image');
    return new Uint8Array(await response.arrayBuffer());
  }
}
