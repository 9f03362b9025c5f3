import type { SavedArticle } from '../shared/capture';

/** The article the options page previews templates with (and settings validate against). */
export const SAMPLE_ARTICLE: SavedArticle = {
  url: 'https://www.example.com/business/2014/11-08/harper-alibaba.html',
  canonicalUrl: 'https://www.example.com/business/2014/11-08/harper-alibaba.html',
  title: 'Canadian PM meets Alibaba\'s Jack Ma: "SMEs can grow"',
  byline: 'Ana Lima, Bo Chen',
  authors: ['Ana Lima', 'Bo Chen'],
  siteName: 'Example News',
  published: '2014-11-08T09:04:00+08:00',
  modified: null,
  lang: 'en',
  dir: null,
  excerpt: 'Harper met Jack Ma of Alibaba in Hangzhou on Friday.',
  keywords: [],
  leadImage: null,
  contentHtml: '<p>Harper met Jack Ma of Alibaba in Hangzhou on Friday.</p>',
  textContent: 'Harper met Jack Ma of Alibaba in Hangzhou on Friday.',
  wordCount: 259,
  readingMinutes: 2,
  sources: {},
  selectionOnly: false,
  capturedAt: '2024-01-02T03:04:05.000Z',
  tags: ['business', 'china'],
};
