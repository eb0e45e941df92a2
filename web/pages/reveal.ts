/**
 * Scrolls to the element with this id inside one of a page's components (their shadow roots hide it
 * from document.getElementById), and focuses it. Pages use it for evidence links and #anchors.
 */
export function revealIn(root: ParentNode, anchor: string): void {
  for (const el of root.querySelectorAll('*')) {
    const target = el.shadowRoot?.getElementById(anchor);
    if (!target) continue;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    return;
  }
}
