import { describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../src/background/dispatch';
import type { AnyRequest, Handlers } from '../../../src/messages';

const SELF = { id: 'our-extension-id', origin: 'chrome-extension://our-extension-id/' };

/** One request of each message type. */
const REQUESTS: AnyRequest[] = [
  { type: 'capture', tabId: 1 },
  { type: 'delete-capture', id: 1 },
  { type: 'restore-capture', id: 1 },
  { type: 'set-reading-progress', id: 1, progress: 1 },
  { type: 'replace-capture', id: 1, capture: {} as never },
  { type: 'restore-backup', text: '{}' },
  { type: 'restore-backup-part', uploadId: 'u', part: 0, parts: 1, text: '{}' },
  { type: 'search', query: 'x' },
  { type: 'update-capture', id: 1, patch: { favourite: true } },
] as AnyRequest[];

function fakeHandlers(): Handlers {
  return Object.fromEntries(REQUESTS.map((r) => [r.type, vi.fn(async () => 'done')])) as unknown as Handlers;
}

describe('who may send a message', () => {
  it.each([
    ['the popup', { id: SELF.id, url: `${SELF.origin}popup.html` }],
    ['the popup or reader opened in a tab', { id: SELF.id, url: `${SELF.origin}reader.html?id=1`, tab: { id: 4, url: `${SELF.origin}reader.html?id=1` } }],
    ['the options page', { id: SELF.id, url: `${SELF.origin}options.html` }],
  ])('%s may send every message', async (_label, sender) => {
    const handlers = fakeHandlers();
    const dispatch = createDispatch(handlers, SELF);
    for (const request of REQUESTS) expect(await dispatch(request, sender)).toEqual({ ok: true, value: 'done' });
  });

  it.each([
    // Ours sends nothing: it answers the background through scripting.executeScript's results.
    ['our content script in a web page', { id: SELF.id, url: 'https://news.example/article', tab: { id: 7, url: 'https://news.example/article' }, frameId: 0 }],
    ['a content script in a frame', { id: SELF.id, url: 'https://ads.example/frame.html', tab: { id: 7, url: 'https://news.example/article' }, frameId: 3 }],
    ['a page with a look-alike address', { id: SELF.id, url: 'https://news.example/chrome-extension://our-extension-id/popup.html', tab: { id: 7 } }],
    ['another extension', { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' }],
    ['a sender without an address', { id: SELF.id }],
  ])('%s may send none, and nothing is run', async (_label, sender) => {
    const handlers = fakeHandlers();
    const dispatch = createDispatch(handlers, SELF);
    for (const request of REQUESTS) {
      const reply = await dispatch(request, sender);
      expect(reply, request.type).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});
