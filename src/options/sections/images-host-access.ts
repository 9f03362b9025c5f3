import { ALL_SITES } from '../../core/library/host-patterns';
import { hasHostAccess, removeHostAccess, requestHostAccess } from '../../platform/host-access';
import { actionButton } from '../section';
import { t } from '../../platform/i18n';

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
  why.textContent = t('hostAccessWhy');
  row.append(state, button, why);
  body.append(row);

  const show = (allowed: boolean, note = '') => {
    row.dataset['allowed'] = String(allowed);
    state.textContent = `${allowed ? t('hostAccessAllowed') : t('hostAccessNotAllowed')}${note ? ` ${note}` : ''}`;
    button.textContent = allowed ? t('hostAccessWithdraw') : t('allowImages');
  };
  button.addEventListener('click', () => {
    // The request must start inside the click (no await before it): browsers prompt only from a gesture.
    const allowed = row.dataset['allowed'] === 'true';
    const change = allowed ? removeHostAccess([...ALL_SITES]).then(() => false) : requestHostAccess([...ALL_SITES]);
    void change.then(
      async (granted) => show(await hasHostAccess([...ALL_SITES]), !allowed && !granted ? t('hostAccessDeclined') : ''),
      async () => show(await hasHostAccess([...ALL_SITES])),
    );
  });
  show(await hasHostAccess([...ALL_SITES]));
}
