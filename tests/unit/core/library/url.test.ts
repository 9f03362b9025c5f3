import { describe, expect, it } from 'vitest';
import { CaptureError } from '../../../../src/core/shared/errors';
import { normalizeUrl, tryNormalizeUrl, whyNotCapturable } from '../../../../src/core/library/url';
import { SEED_URL } from '../../helpers';

describe('normalizeUrl', () => {
  it.each([
    ['scheme and host lower-cased', 'HTTPS://News.Example.COM/Path/Article', 'https://news.example.com/Path/Article'],
    ['default https port dropped', 'https://example.com:443/a', 'https://example.com/a'],
    ['default http port dropped', 'http://example.com:80/a', 'http://example.com/a'],
    ['other port kept', 'http://example.com:8080/a', 'http://example.com:8080/a'],
    ['fragment dropped', 'https://example.com/a#comments', 'https://example.com/a'],
    ['utm_* dropped', 'https://example.com/a?utm_source=x&utm_medium=y&utm_campaign=z&UTM_Term=t', 'https://example.com/a'],
    ['fbclid dropped', 'https://example.com/a?fbclid=IwAR0abc', 'https://example.com/a'],
    ['gclid dropped', 'https://example.com/a?gclid=Cj0KCQ', 'https://example.com/a'],
    ['mc_cid dropped', 'https://example.com/a?mc_cid=123abc', 'https://example.com/a'],
    ['from and isappinstalled dropped', 'https://example.com/a?from=timeline&isappinstalled=0', 'https://example.com/a'],
    ['remaining params sorted', 'https://example.com/a?z=1&b=2&a=3', 'https://example.com/a?a=3&b=2&z=1'],
    ['tracking dropped, the rest sorted', 'https://example.com/a?utm_source=x&page=2&id=7&fbclid=q', 'https://example.com/a?id=7&page=2'],
    ['trailing slash removed', 'https://example.com/section/article/', 'https://example.com/section/article'],
    ['root slash kept', 'https://example.com/', 'https://example.com/'],
    ['bare host gets the root slash', 'https://example.com', 'https://example.com/'],
    ['root with tracking only', 'https://example.com/?utm_source=x#top', 'https://example.com/'],
    // Issue #5: more tracking parameters, www, AMP addresses.
    ['www dropped', 'https://www.example.com/a', 'https://example.com/a'],
    ['HubSpot _hsenc/_hsmi dropped', 'https://example.com/a?_hsenc=p2A&_hsmi=123', 'https://example.com/a'],
    ['Matomo pk_/mtm_ dropped', 'https://example.com/a?pk_campaign=x&mtm_source=y', 'https://example.com/a'],
    ['TikTok/LinkedIn/Google ids dropped', 'https://example.com/a?ttclid=1&li_fat_id=2&srsltid=3&gclsrc=aw', 'https://example.com/a'],
    ['Yahoo guce/guccounter dropped', 'https://example.com/a?guccounter=1&guce_referrer=aHR0&guce_referrer_sig=x', 'https://example.com/a'],
    ['BBC/Le Monde xtor, ns_* dropped', 'https://example.com/a?xtor=RSS-1&ns_source=tw&ns_campaign=c', 'https://example.com/a'],
    ['Facebook action params dropped', 'https://example.com/a?fb_action_ids=1&fb_action_types=og.likes&fb_source=x', 'https://example.com/a'],
    ['Mailchimp mc_eid dropped', 'https://example.com/a?mc_cid=1&mc_eid=2', 'https://example.com/a'],
    ['igshid and twclid dropped', 'https://example.com/a?igshid=MzRl&twclid=2', 'https://example.com/a'],
    ['spm and share_source dropped (Chinese portals)', 'https://example.com/a?spm=a2c.1&share_source=wechat', 'https://example.com/a'],
    ['AMP: trailing /amp segment', 'https://www.example.com/news/story-123/amp', 'https://example.com/news/story-123'],
    ['AMP: trailing /amp/ segment', 'https://example.com/news/story-123/amp/', 'https://example.com/news/story-123'],
    ['AMP: leading /amp/ segment', 'https://example.com/amp/news/story-123', 'https://example.com/news/story-123'],
    ['AMP: .amp ending', 'https://example.com/news/story-123.amp', 'https://example.com/news/story-123'],
    ['AMP: .amp.html ending', 'https://example.com/news/story-123.amp.html', 'https://example.com/news/story-123.html'],
    ['AMP: amp. host', 'https://amp.example.com/world/2024/may/01/story', 'https://example.com/world/2024/may/01/story'],
    ['AMP: ?amp', 'https://example.com/news/story?amp', 'https://example.com/news/story'],
    ['AMP: ?amp=1 with other params', 'https://example.com/news/story?id=7&amp=1', 'https://example.com/news/story?id=7'],
    ['AMP: ?outputType=amp', 'https://example.com/news/story?outputType=amp', 'https://example.com/news/story'],
    ['not AMP: ?outputType=print kept', 'https://example.com/news/story?outputType=print', 'https://example.com/news/story?outputType=print'],
    ['AMP cache (https)', 'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story-123/amp', 'https://example.com/news/story-123'],
    ['AMP cache (http)', 'https://example-com.cdn.ampproject.org/c/example.com/news/story', 'http://example.com/news/story'],
    ['AMP cache viewer /v/', 'https://www-example-com.cdn.ampproject.org/v/s/www.example.com/news/story.amp?usqp=mq331AQ', 'https://example.com/news/story'],
    ['Google AMP viewer', 'https://www.google.com/amp/s/www.example.com/news/story-123/amp', 'https://example.com/news/story-123'],
    ['not AMP: "amp" inside a word kept', 'https://example.com/news/campaign/example', 'https://example.com/news/campaign/example'],
    ['not AMP: /amp/ alone kept (a section index)', 'https://example.com/amp', 'https://example.com/amp'],
    ['not AMP: google.com search kept', 'https://www.google.com/search?q=amp', 'https://google.com/search?q=amp'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('gives the seed URL with tracking variants the same key as the plain one', () => {
    const plain = normalizeUrl(SEED_URL);
    expect(plain).toBe(SEED_URL);
    expect(normalizeUrl(`${SEED_URL}?utm_source=x&utm_medium=y#comments`)).toBe(plain);
    expect(normalizeUrl(`${SEED_URL}?from=timeline&isappinstalled=0`)).toBe(plain);
  });

  it('keeps a meaningful parameter distinct', () => {
    const three = normalizeUrl('https://example.com/story?id=3');
    const four = normalizeUrl('https://example.com/story?id=4');
    expect(three).toBe('https://example.com/story?id=3');
    expect(four).not.toBe(three);
    expect(normalizeUrl('https://example.com/story?id=3&utm_source=x')).toBe(three);
  });

  it('is idempotent', () => {
    const once = normalizeUrl('HTTP://Example.com:80/a/?b=2&a=1&utm_source=x#f');
    expect(normalizeUrl(once)).toBe(once);
  });

  it('throws on a relative address; tryNormalizeUrl answers null', () => {
    expect(() => normalizeUrl('/relative/path')).toThrow();
    expect(tryNormalizeUrl('/relative/path')).toBeNull();
    expect(tryNormalizeUrl('chrome://extensions')).toBeNull();
    expect(tryNormalizeUrl('https://Example.com/a/')).toBe('https://example.com/a');
  });
});

describe('whyNotCapturable', () => {
  it.each([
    'chrome://extensions/',
    'about:blank',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    'moz-extension://0b2f7f3c-1234-4cde-9abc-0123456789ab/reader.html',
    'view-source:https://example.com/',
    'https://chromewebstore.google.com/detail/some-extension/abcdef',
    'https://addons.mozilla.org/en-US/firefox/addon/some-addon/',
  ])('refuses %s with a restricted-page error', (url) => {
    const error = whyNotCapturable(url);
    expect(error).toBeInstanceOf(CaptureError);
    expect(error!.code).toBe('restricted-page');
    expect(error!.message.trim().length).toBeGreaterThan(15);
  });

  it.each(['https://news.example.com/2024/05/harbour-reopens.html', 'http://127.0.0.1:8080/business/2014/11-08/6762151.shtml'])('allows %s', (url) => {
    expect(whyNotCapturable(url)).toBeNull();
  });
});
