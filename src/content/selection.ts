/** The user's selection as HTML (all ranges), or null when nothing is selected. */
export function selectionHtml(win: Window): string | null {
  const selection = win.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const container = win.document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) {
    container.appendChild(selection.getRangeAt(i).cloneContents());
  }
  return container.innerHTML.trim() ? container.innerHTML : null;
}
