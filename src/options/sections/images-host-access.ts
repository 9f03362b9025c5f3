import { ALL_SITES } from '../../core/library/host-patterns';
import { hasHostAccess, removeHostAccess, requestHostAccess } from '../../platform/host-access';
import { actionButton } from '../section';

/** The words of the "images from other sites" row, in one place (issue 13). */
const TEXT = {
  allowed: 'Clean Capture may download article images from other sites (image servers and CDNs that refuse the page).',
  notAllowed: 'Images whose server refuses other sites are not kept. Allowing this lets Clean Capture download them itself.',
  allow: 'Allow downloading article images from other sites',
  withdraw: 'Stop downloading from other sites',
  declined: 'Not allowed.',
  why: 'The browser calls this access to all websites: Clean Capture uses it only to download the images of an article you save; it reads no page you do not save.',
};

/** Show whether host access is given, with a button to give it (a click: a user gesture) or take it back. */
export async function renderHostAccess(body: HTMLElement): Promise<void> {
  const row = document.createElement('div');
  row.className = 'option';
  row.id = 'images-host-access';
  const state = document.createElement('p');
  state.id = 'host-access-state';
  const button = actionButton('host-access-toggle', '');
  const why = document.createElement('p');
  why.className = 'hint';
  why.textContent = TEXT.why;
  row.append(state, button, why);
  body.append(row);

  const show = (allowed: boolean, note = '') => {
    row.dataset['allowed'] = String(allowed);
    state.textContent = `${allowed ? TEXT.allowed : TEXT.notAllowed}${note ? ` ${note}` : ''}`;
    button.textContent = allowed ? TEXT.withdraw : TEXT.allow;
  };
  button.addEventListener('click', () => {
    // The request must start inside the click (no await before it): browsers prompt only from a gesture.
    const allowed = row.dataset['allowed'] === 'true';
    const change = allowed ? removeHostAccess([...ALL_SITES]).then(() => false) : requestHostAccess([...ALL_SITES]);
    void change.then(
      async (granted) => show(await hasHostAccess([...ALL_SITES]), !allowed && !granted ? TEXT.declined : ''),
      async () => show(await hasHostAccess([...ALL_SITES])),
    );
  });
  show(await hasHostAccess([...ALL_SITES]));
}
