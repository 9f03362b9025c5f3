import browser from 'webextension-polyfill';
import { isOffscreenRequest } from '../messages';
import { extractHtml } from './extract-html';

// Chrome's offscreen document (issue #15): the service worker has no DOM, so imported pages are
// parsed and extracted here, one message per page, and only for the background's requests.
browser.runtime.onMessage.addListener((message: unknown) =>
  isOffscreenRequest(message) ? Promise.resolve(extractHtml(message.html, message.url)) : undefined,
);
