import { dropAmpMarkers, unwrapAmpCache } from './amp';
import { CaptureError } from '../shared/errors';

/**
 * Query parameters that only track where a click came from. Removing them makes the same article
 * reached from a newsletter, a tweet or a search ad one record.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
  'from',
  'isappinstalled',
  'spm',
  'share_source',
  'cmpid',
  'ncid',
  'ocid',
  'smid',
  'sr_share',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  '__twitter_impression',
  'wt_mc',
  'wt.mc_id',
  'cid_source',
  // Newsletters, social networks, ad and analytics platforms (issue #5).
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'ttclid',
  'li_fat_id',
  'epik',
  'srsltid',
  'ck_subscriber_id',
  'rb_clickid',
  'wickedid',
  'irclickid',
  'gclsrc',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'icid',
  's_cid',
  'sc_cid',
  'xtor',
  'ito',
  'cmp',
  'cmpid',
  'ns_source',
  'ns_mchannel',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'fb_action_ids',
  'fb_action_types',
  'fb_source',
  'fb_ref',
  'trk',
  'trkcampaign',
  'soc_src',
  'soc_trk',
  'share',
  'shared',
  'socialshare',
  'sharetype',
  'rss',
  'feature',
  'referrer',
  'tracking_id',
  'campaign_id',
  'ad_id',
  'mbid',
  'ga_source',
  'ga_medium',
  'ga_campaign',
  'ga_content',
  'ga_term',
  'sfmc_id',
  'sfmc_sub',
  'sfmc_activityid',
  'vgo_ee',
  'nr_email_referer',
  'via',
]);
const TRACKING_PREFIXES = ['utm_', 'hsa_', 'pk_', 'mtm_', 'at_', 'matomo_', 'piwik_', 'sfmc_', 'vero_', 'mkt_', 'itm_'];

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The dedupe key of a page address: scheme and host lower-cased, default port, `www.`, fragment
 * and tracking parameters dropped, AMP addresses turned into the canonical one, remaining
 * parameters sorted, trailing slash removed. Throws on a string that is not an absolute URL.
 */
export function normalizeUrl(input: string): string {
  const url = unwrapAmpCache(new URL(input.trim()));
  url.hash = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    dropAmpMarkers(url);
    // www.example.com and example.com serve the same articles on every news site we know of.
    if (url.hostname.startsWith('www.')) url.hostname = url.hostname.slice(4);
  }
  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  return url.href;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Like normalizeUrl, but null for anything that is not a parsable http(s) URL. */
export function tryNormalizeUrl(input: string | null | undefined): string | null {
  if (!input) return null;
  try {
    const url = new URL(input);
    return url.protocol === 'http:' || url.protocol === 'https:' ? normalizeUrl(input) : null;
  } catch {
    return null;
  }
}

const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'data:',
  'javascript:',
  'blob:',
  'filesystem:',
]);

/** Extension stores refuse content scripts in every browser. */
const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/addons\.mozilla\.org\//,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
];

/**
 * Why a tab at this URL cannot be captured, as a CaptureError; null when it may be.
 * Decided before injecting anything, so the user gets a specific sentence, not a permission error.
 */
export function whyNotCapturable(input: string | undefined): CaptureError | null {
  if (!input) return null; // unknown until injection; the injection error will say more
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return new CaptureError('restricted-page', `"${input}" is not a web page address.`);
  }
  if (BROWSER_SCHEMES.has(url.protocol)) {
    return new CaptureError('restricted-page', `Browser pages (${url.protocol}) can't be saved. Open an article on the web and try again.`);
  }
  if (STORE_PAGES.some((pattern) => pattern.test(url.href))) {
    return new CaptureError('restricted-page', "The browser doesn't let extensions read extension-store pages, so this page can't be saved.");
  }
  if (url.protocol === 'file:') return null; // allowed when the user granted file access
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return new CaptureError('restricted-page', `Pages at ${url.protocol} addresses can't be saved.`);
  }
  return null;
}
