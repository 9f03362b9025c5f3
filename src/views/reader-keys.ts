import type { Scroller } from './reading-position';

/**
 * Reader keyboard (popup and tab): j/k or ↓/↑ scroll a few lines, Space/Shift+Space a screen,
 * + and − change the text size. Returns true when the key was the reader's.
 */
export function readerKey(event: KeyboardEvent, scroller: Scroller, step: (delta: number) => void): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return false;
  const line = 60;
  const screen = Math.max(100, (scroller.max() >= 0 ? window.innerHeight : 400) * 0.85);
  const by = (delta: number) => scroller.scrollTo(Math.max(0, Math.min(scroller.max(), scroller.top() + delta)));
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      by(line);
      return true;
    case 'k':
    case 'ArrowUp':
      by(-line);
      return true;
    case ' ':
      if (target?.tagName === 'BUTTON' || target?.tagName === 'A') return false;
      by(event.shiftKey ? -screen : screen);
      return true;
    case '+':
    case '=':
      step(1);
      return true;
    case '-':
      step(-1);
      return true;
    default:
      return false;
  }
}
