import browser from 'webextension-polyfill';
import { countedMessage, isRightToLeft } from '../core/i18n/messages';
import { formatIsoDate } from '../core/i18n/dates';
import { formatBytes } from '../core/shared/format-bytes';

/**
 * Every UI string goes through here: `t('key')` for a plain string, `tn('key', n)` for a counted
 * one. Keys live in _locales/<lang>/messages.json; tests/unit/i18n/locales.test.ts fails when a
 * key used here is missing from a locale or a locale key is used nowhere.
 */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A plain UI string; `substitutions` fill $1, $2… A missing key shows the key, never an empty label. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** A counted UI string in the right plural form, the formatted count as $1. */
export function tn(key: string, count: number, ...substitutions: string[]): string {
  return countedMessage((k, subs) => browser.i18n.getMessage(k, subs), key, count, uiLanguage(), substitutions) || key;
}

/**
 * Fill a page's static text: `data-i18n` sets the text, `data-i18n-<attr>` (title, aria-label,
 * placeholder, alt) an attribute. Sets the page's `lang` and `dir` from the UI language.
 */
export function localizeDocument(root: Document = document): void {
  const language = uiLanguage();
  root.documentElement.lang = language;
  root.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset['i18n']!);
  for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
    for (const element of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(`data-i18n-${attribute}`)!));
    }
  }
}

/** A date in the UI's language ("8 Nov 2014", "8. Nov. 2014", "2014年11月8日"). */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(uiLanguage(), options).format(date);
}

/** A page's or record's ISO date as the page wrote it, in the UI's language; '' when there is none. */
export function formatIso(iso: string | null | undefined, withTime = false): string {
  return formatIsoDate(iso, uiLanguage(), withTime);
}

/** A count or number in the UI's language ("1.234" in German, "١٬٢٣٤" in Arabic). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}

/** A size in the UI's language ("10,7 MB" in German). */
export function formatSize(bytes: number): string {
  return formatBytes(bytes, uiLanguage());
}
