import { errorMessage } from '../core/shared/errors';
import type { WireErrorCode } from '../messages';
import { t, uiLanguage } from '../platform/i18n';

/**
 * What the user reads when the background refuses or fails (issue 17). Typed errors carry a code;
 * the background's own sentence is English and often more specific ("This page is a PDF…"), so an
 * English UI shows it as is, and any other UI shows the translated sentence for the error's code.
 * An error without a known code keeps its own text (better specific English than nothing).
 */
export function userErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || /^en\b/i.test(uiLanguage())) return errorMessage(error);
  return codeMessage(code as WireErrorCode) ?? errorMessage(error);
}

function codeMessage(code: WireErrorCode): string | undefined {
  switch (code) {
    case 'restricted-page':
      return t('errorRestrictedPage');
    case 'not-html':
      return t('errorNotHtml');
    case 'no-article':
      return t('errorNoArticle');
    case 'no-permission':
      return t('errorNoPermission');
    case 'no-tab':
      return t('errorNoTab');
    case 'page-unreachable':
      return t('errorPageUnreachable');
    case 'storage-failed':
      return t('errorStorageFailed');
    case 'bad-backup':
      return t('errorBadBackup');
    case 'not-found':
      return t('errorNotFound');
    case 'bad-input':
    case 'bad-request':
      return t('errorBadInput');
    case 'not-configured':
      return t('errorSyncNotConfigured');
    case 'bad-url':
      return t('errorSyncBadUrl');
    case 'not-couchdb':
      return t('errorSyncNotCouch');
    case 'unauthorized':
      return t('errorSyncUnauthorized');
    case 'no-database':
      return t('errorSyncNoDatabase');
    case 'network':
      return t('errorSyncNetwork');
    case 'server-error':
      return t('errorSyncServer');
    case 'wrong-passphrase':
      return t('errorSyncPassphrase');
    case 'bad-data':
      return t('errorSyncBadData');
    case 'quota':
      return t('errorSyncQuota');
    case 'busy':
      return t('errorSyncBusy');
    default:
      return undefined;
  }
}
