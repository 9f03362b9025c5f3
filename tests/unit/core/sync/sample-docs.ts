import type { Capture } from '../../../../src/core/shared/capture';
import type { CaptureDoc, SyncVersion } from '../../../../src/core/sync/capture-doc';

/** A time (ms) after every sample text's date: change stamps start here. */
export const T0 = Date.parse('2026-01-05T00:00:00.000Z');

/** Small plain documents for the sync tests: no extraction needed to test a merge. */
export function sampleCapture(title: string, text = `${title} text`): Capture {
  return {
    url: 'https://news.example/a',
    canonicalUrl: 'https://news.example/a',
    title,
    byline: null,
    authors: [],
    siteName: 'News',
    published: null,
    modified: null,
    lang: 'en',
    dir: null,
    excerpt: null,
    keywords: [],
    leadImage: null,
    contentHtml: `<p>${text}</p>`,
    textContent: text,
    wordCount: 2,
    readingMinutes: 1,
    sources: {},
    selectionOnly: false,
  };
}

export function sampleVersion(savedAt: string, title: string, fingerprint = title): SyncVersion {
  return { savedAt, fingerprint, capture: sampleCapture(title), images: [] };
}

export function sampleDoc(overrides: Partial<CaptureDoc> = {}): CaptureDoc {
  return {
    kind: 'capture',
    key: 'https://news.example/a',
    urlKeys: ['https://news.example/a'],
    capturedAt: '2026-01-01T00:00:00.000Z',
    versions: [sampleVersion('2026-01-01T00:00:00.000Z', 'First')],
    tags: {},
    read: { value: 'unread', at: 0 },
    archived: { value: false, at: 0 },
    favourite: { value: false, at: 0 },
    progress: { value: 0, at: 0 },
    restoredAt: 0,
    deleted: null,
    ...overrides,
  };
}
