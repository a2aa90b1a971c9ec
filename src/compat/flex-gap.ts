/**
 * Flex `gap` arrived in Chromium 84 (Firefox 63, Safari 14.1); grid gaps long before. 信创 browsers still
 * ship Chromium 80–83, where a flex container ignores `gap` and its children touch. Where that is so,
 * <html> gets the class NO_FLEX_GAP and the page's own flex containers space their children with margins
 * instead (src/taskpane/gap.ts). `@supports (gap: 1px)` cannot tell: those engines parse `gap` for grids.
 */
export const NO_FLEX_GAP = 'no-flex-gap';

/** Whether a flex container in `doc` honours row-gap: two empty children 1px apart, measured once. */
export function supportsFlexGap(doc: Document): boolean {
  const probe = doc.createElement('div');
  probe.style.cssText = 'display:flex;flex-direction:column;row-gap:1px;position:absolute;visibility:hidden';
  probe.appendChild(doc.createElement('div'));
  probe.appendChild(doc.createElement('div'));
  doc.documentElement.appendChild(probe);
  const supported = probe.scrollHeight === 1;
  doc.documentElement.removeChild(probe);
  return supported;
}

/** Marks <html> when flex gap is missing; true when it did. */
export function markNoFlexGap(doc: Document): boolean {
  if (supportsFlexGap(doc)) return false;
  doc.documentElement.classList.add(NO_FLEX_GAP);
  return true;
}
