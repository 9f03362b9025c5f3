import type { CleanCaptureDb } from '../storage/db';
import { getReading } from '../storage/reading-queries';
import { send } from '../platform/messaging';

/**
 * Reading progress per article (issue #6): restored when the article opens, saved (through the
 * background) while scrolling; reaching the end marks the article read.
 */
export interface Scroller {
  top(): number;
  max(): number;
  scrollTo(top: number): void;
  on(listener: () => void): () => void;
}

export function elementScroller(el: HTMLElement): Scroller {
  return {
    top: () => el.scrollTop,
    max: () => el.scrollHeight - el.clientHeight,
    scrollTo: (top) => (el.scrollTop = top),
    on: (listener) => {
      el.addEventListener('scroll', listener, { passive: true });
      return () => el.removeEventListener('scroll', listener);
    },
  };
}

export function windowScroller(): Scroller {
  const page = () => document.scrollingElement ?? document.documentElement;
  return {
    top: () => page().scrollTop,
    max: () => page().scrollHeight - page().clientHeight,
    scrollTo: (top) => window.scrollTo({ top, behavior: 'instant' as ScrollBehavior }),
    on: (listener) => {
      window.addEventListener('scroll', listener, { passive: true });
      return () => window.removeEventListener('scroll', listener);
    },
  };
}

/** Restore the saved position, then save it as it changes. Returns a function that stops tracking. */
export async function trackReading(db: CleanCaptureDb, captureId: number, scroller: Scroller, onRead?: () => void): Promise<() => void> {
  const saved = await getReading(db, captureId).catch(() => undefined);
  if (saved && saved.progress > 0 && saved.progress < 0.99) scroller.scrollTo(Math.round(saved.progress * scroller.max()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = saved?.progress ?? -1;
  let read = Boolean(saved?.readAt);
  const report = () => {
    const max = scroller.max();
    const progress = max <= 0 ? 1 : Math.min(1, scroller.top() / max);
    if (Math.abs(progress - last) < 0.01) return;
    last = progress;
    send('set-reading-progress', { id: captureId, progress })
      .then(({ read: nowRead }) => {
        if (nowRead && !read) {
          read = true;
          onRead?.();
        }
      })
      .catch(() => {});
  };
  const stop = scroller.on(() => {
    clearTimeout(timer);
    timer = setTimeout(report, 250);
  });
  // An article that fits on one screen is read as soon as it is open.
  if (scroller.max() <= 0) report();
  return () => {
    clearTimeout(timer);
    report();
    stop();
  };
}
