/**
 * Gaps between the children of a flex container that hold where flex `gap` is ignored (Chromium before
 * 84: see src/compat/flex-gap.ts). The gap is set as usual; under <html class="no-flex-gap"> the children
 * get margins instead. Grids need none of this.
 */
import type { GriffelStyle } from '@fluentui/react-components';
import { NO_FLEX_GAP } from '../compat/flex-gap';

/**
 * A selector for the container's `children` under <html class="no-flex-gap">. Griffel puts the container's
 * class before the key and moves a :global() part to the front, so no `&` is written: `&:global(.x) > *`
 * compiles to `.x .container > *` (with `:global(.x) &` the container's class would appear twice).
 */
const under = (children: string): string => `:global(.${NO_FLEX_GAP}) ${children}`;

/** A column (flexDirection: column): `gap` between one child and the next. */
export function stackGap(gap: string): GriffelStyle {
  return { rowGap: gap, [under('> * + *')]: { marginTop: gap } };
}

/** A row, wrapping or not: `gap` between neighbours, `lineGap` between wrapped lines. */
export function inlineGap(gap: string, lineGap?: string): GriffelStyle {
  if (lineGap === undefined) return { columnGap: gap, [under('> * + *')]: { marginLeft: gap } };
  return { columnGap: gap, rowGap: lineGap, [under('> * + *')]: { marginLeft: gap }, [under('> *')]: { marginBottom: lineGap } };
}
