/**
 * A stand-in for `browser.i18n` in Node tests, backed by the real _locales/<locale>/messages.json
 * and substituting `$1`…`$9` as both browsers do, so a view's words are tested as they ship.
 * Use: `vi.mock('webextension-polyfill', () => fakeBrowserI18n('de'))` (inside the factory, import
 * this module dynamically: vi.mock is hoisted above imports).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string }>;
const LOCALES = join(import.meta.dirname, '../../../_locales');

/** `uiLanguage` as a browser reports it ('de', 'pt-BR', 'en-GB'); its locale folder, else English, answers. */
export function fakeBrowserI18n(uiLanguage: string) {
  const read = (l: string) => (existsSync(join(LOCALES, l)) ? (JSON.parse(readFileSync(join(LOCALES, l, 'messages.json'), 'utf8')) as Messages) : {});
  const messages = { ...read('en'), ...read(uiLanguage.split('-')[0]!), ...read(uiLanguage.replace('-', '_')) };
  const getMessage = (key: string, substitutions: string | string[] = []) => {
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const message = messages[key]?.message;
    if (message === undefined) return '';
    return message.replace(/\$(\d|\$)/g, (_all, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
  };
  return { default: { i18n: { getMessage, getUILanguage: () => uiLanguage } } };
}
