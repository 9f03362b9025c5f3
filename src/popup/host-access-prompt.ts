import { ALL_SITES } from '../core/library/host-patterns';
import { errorMessage } from '../core/shared/errors';
import type { CaptureOutcome } from '../messages';
import { requestHostAccess } from '../platform/host-access';
import { t, tn } from '../platform/i18n';

/**
 * Under the status strip after a save: "N images were not kept — Allow…". The button asks for host
 * access inside its click handler (browsers only prompt from a user gesture), then saves the tab
 * again, which fetches the images still missing.
 */
export function offerHostAccess(outcome: CaptureOutcome, saveAgain: () => Promise<CaptureOutcome>): void {
  const host = document.getElementById('images-notice')!;
  const missing = outcome.images?.needHostAccess ?? 0;
  host.hidden = !missing;
  host.replaceChildren();
  if (!missing) return;
  const line = document.createElement('span');
  line.textContent = tn('imagesBlocked', missing);
  const button = document.createElement('button');
  button.id = 'allow-images';
  button.className = 'link-button';
  button.textContent = t('allowImages');
  host.dataset['state'] = 'offer';
  button.addEventListener('click', () => {
    // No await before this call: the gesture would be lost.
    const asked = requestHostAccess([...ALL_SITES]);
    button.disabled = true;
    void asked
      .then(async (granted) => {
        if (!granted) return show('declined', t('allowImagesDeclined'));
        line.textContent = t('allowImagesDownloading');
        // The background saves the tab again too (the browser's prompt may close this popup first);
        // this save joins it, or finds every image kept and fetches nothing (no images outcome).
        const again = await saveAgain();
        const failed = again.images?.failed ?? 0;
        show(failed ? 'partial' : 'done', failed ? tn('imagesStillMissing', failed) : t('allowImagesKept'));
      })
      .catch((error: unknown) => show('failed', t('allowImagesFailed', errorMessage(error))));
  });
  host.append(line, ' ', button);

  function show(state: string, text: string): void {
    host.dataset['state'] = state;
    host.replaceChildren(text);
  }
}
