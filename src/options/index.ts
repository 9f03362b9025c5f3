import { saveSettings, loadSettings } from '../platform/settings-store';
import { SECTIONS } from './sections';
import { localizeDocument, t } from '../platform/i18n';

async function main(): Promise<void> {
  const root = document.getElementById('sections')!;
  const settings = await loadSettings();
  const status = document.getElementById('saved')!;
  const save = async (patch: Parameters<typeof saveSettings>[0]) => {
    await saveSettings(patch);
    status.textContent = t('optionSaved');
    setTimeout(() => (status.textContent = ''), 1500);
  };
  for (const section of SECTIONS) {
    const block = document.createElement('section');
    block.className = 'options-section';
    block.id = `section-${section.id}`;
    const heading = document.createElement('h2');
    heading.textContent = section.title;
    const body = document.createElement('div');
    block.append(heading, body);
    root.append(block);
    await section.render(body, settings, save);
  }
}

localizeDocument();
void main();
