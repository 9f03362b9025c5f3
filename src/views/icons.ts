/**
 * The extension's icons as inline SVG (issue 17): an emoji or an arrow glyph draws as an empty box
 * where no emoji font is installed, and one glyph meant two actions. Each action has its own
 * drawing; the drawing is decoration (`aria-hidden`), the control carries the name.
 * Strokes use `currentColor`, so icons follow the theme and forced-colours mode.
 */
const PATHS = {
  star: 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z',
  archive: 'M2 3h12v3H2zM3 6v7h10V6M6.5 9h3',
  unarchive: 'M2 3h12v3H2zM3 6v7h10V6M8 12V8M6 10l2-2 2 2',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.7 6.5v5M9.3 6.5v5',
  download: 'M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 12v1.5h11V12',
  gear: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3',
  back: 'M13 8H3M7 4L3 8l4 4',
  previous: 'M10 3L5 8l5 5',
  next: 'M6 3l5 5-5 5',
  external: 'M9 2h5v5M14 2L7.5 8.5M12 9.5V14H2V4h4.5',
  tag: 'M2 2h5.5L14 8.5 8.5 14 2 7.5zM5 5h.01',
  // A marker pen over a line: the highlights view.
  highlight: 'M10.5 2l3.5 3.5-6 6H4.5V8zM2 14h12',
  library: 'M2 2.5h3v11H2zM6.5 2.5h3v11h-3zM11 3l2.6-.6 1.6 10.7-2.6.5z',
} as const;

export type IconName = keyof typeof PATHS;

/** Drawings that point along the line of text: mirrored right to left (ui.css, `.icon-directional`). */
const DIRECTIONAL: ReadonlySet<IconName> = new Set<IconName>(['back', 'previous', 'next']);

const SVG = 'http://www.w3.org/2000/svg';

/** A 16×16 drawing of `name`; `filled` fills it (a set favourite). */
export function icon(name: IconName, filled = false): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  if (DIRECTIONAL.has(name)) svg.classList.add('icon-directional');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', filled ? 'currentColor' : 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.4');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/** Put an icon before a button's text (or alone, with the name in `aria-label`). */
export function withIcon(button: HTMLElement, name: IconName, filled = false): HTMLElement {
  button.querySelector(':scope > svg.icon')?.remove();
  button.prepend(icon(name, filled));
  return button;
}
