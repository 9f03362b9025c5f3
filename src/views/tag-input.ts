import { suggestTags, type TagCount } from '../core/library/tags';
import { send } from '../platform/messaging';

/**
 * Tag suggestions while typing (issue 17) for a comma-separated tags field: a native
 * `<datalist>` (announced by screen readers, picked with the arrow keys), each option the whole
 * field with the last word completed ("news, tech"). The library's tags are read once from the
 * background's index when the field is first used, and again after `refresh()`.
 */
export function suggestTagsFor(input: HTMLInputElement): { refresh(): void } {
  const list = document.createElement('datalist');
  list.id = `${input.id}-suggestions`;
  input.after(list);
  input.setAttribute('list', list.id);
  let tags: Promise<TagCount[]> | null = null;
  const load = () =>
    (tags ??= send('list-tags', {}).then(
      (r) => r.tags,
      () => [],
    ));
  const update = async () => {
    const parts = input.value.split(',');
    const typed = parts.pop() ?? '';
    const chosen = parts.map((p) => p.trim().toLowerCase()).filter(Boolean);
    const head = chosen.length ? `${chosen.join(', ')}, ` : '';
    const options = suggestTags(await load(), typed, chosen).map((tag) => Object.assign(document.createElement('option'), { value: `${head}${tag}` }));
    list.replaceChildren(...options);
  };
  input.addEventListener('focus', () => void update());
  input.addEventListener('input', () => void update());
  return { refresh: () => void (tags = null) };
}
