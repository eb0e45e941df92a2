/**
 * Scrolls to the element with this id inside one of a page's components (their shadow roots hide it
 * from document.getElementById), and focuses it. Pages use it for evidence links and #anchors.
 */
export function revealIn(root: ParentNode, anchor: string): void {
  // The page's own sections (the review panel) first, then its components'.
  const own = (root as ParentNode & { getElementById?: (id: string) => HTMLElement | null }).getElementById?.(anchor);
  if (own) {
    own.scrollIntoView({ block: 'start' });
    own.focus({ preventScroll: true });
    return;
  }
  for (const el of root.querySelectorAll('*')) {
    const target = el.shadowRoot?.getElementById(anchor);
    if (!target) continue;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    return;
  }
}
