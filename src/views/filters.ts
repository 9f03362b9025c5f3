import type { SearchFilters } from '../core/library/search-index';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The filter controls as SearchFilters (empty fields are no filter). */
export function readFilters(): SearchFilters {
  const state = $<HTMLSelectElement>('filter-state').value;
  const filters: SearchFilters = {};
  if (state === 'unread' || state === 'read' || state === 'archived') filters.state = state;
  if (state === 'favourite') filters.favourite = true;
  const tag = $<HTMLInputElement>('filter-tag').value.trim().replace(/^#/, '');
  if (tag) filters.tag = tag;
  const site = $<HTMLInputElement>('filter-site').value.trim();
  if (site) filters.site = site;
  const from = $<HTMLInputElement>('filter-from').value;
  const to = $<HTMLInputElement>('filter-to').value;
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '' && v !== false);
}

export function wireFilters(onChange: () => void): void {
  for (const id of ['filter-state', 'filter-tag', 'filter-site', 'filter-from', 'filter-to']) {
    $(id).addEventListener(id === 'filter-state' ? 'change' : 'input', onChange);
  }
  $('filter-clear').addEventListener('click', () => {
    $<HTMLSelectElement>('filter-state').value = '';
    for (const id of ['filter-tag', 'filter-site', 'filter-from', 'filter-to']) $<HTMLInputElement>(id).value = '';
    onChange();
  });
}
