import { ALL_SITES } from '../core/library/host-patterns';
import { plural } from '../core/shared/plural';
import { errorMessage } from '../core/shared/errors';
import type { CaptureOutcome } from '../messages';
import { requestHostAccess } from '../platform/host-access';

/** The prompt's words, in one place (issue 13). */
const TEXT = {
  notKept: (n: number) =>
    `${plural(n, 'image')} ${n === 1 ? 'was' : 'were'} not kept: ${n === 1 ? 'its server does' : 'their servers do'} not let other sites download them.`,
  allow: 'Allow downloading article images from other sites',
  asking: 'Downloading the images…',
  declined: 'Not allowed: those images stay out of the library. You can allow it later in Options.',
  kept: '✓ The article’s images are kept.',
  stillMissing: (n: number) => `${plural(n, 'image')} still could not be kept (the reader shows their descriptions and why).`,
  failed: (why: string) => `The images could not be downloaded again: ${why}`,
};

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
  line.textContent = TEXT.notKept(missing);
  const button = document.createElement('button');
  button.id = 'allow-images';
  button.className = 'link-button';
  button.textContent = TEXT.allow;
  host.dataset['state'] = 'offer';
  button.addEventListener('click', () => {
    // No await before this call: the gesture would be lost.
    const asked = requestHostAccess([...ALL_SITES]);
    button.disabled = true;
    void asked
      .then(async (granted) => {
        if (!granted) return show('declined', TEXT.declined);
        line.textContent = TEXT.asking;
        // The background saves the tab again too (the browser's prompt may close this popup first);
        // this save joins it, or finds every image kept and fetches nothing (no images outcome).
        const again = await saveAgain();
        const failed = again.images?.failed ?? 0;
        show(failed ? 'partial' : 'done', failed ? TEXT.stillMissing(failed) : TEXT.kept);
      })
      .catch((error: unknown) => show('failed', TEXT.failed(errorMessage(error))));
  });
  host.append(line, ' ', button);

  function show(state: string, text: string): void {
    host.dataset['state'] = state;
    host.replaceChildren(text);
  }
}
