/**
 * The heatmap's row density, PURE apart from the storage it is handed: comfortable (the default)
 * or compact, which fits about half as many rows again into a 1366 × 768 screen. The choice is
 * the reader's, not the view's, so it is remembered in the browser (localStorage), not the URL.
 */
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

/** Row heights in px (the row window computes with them) and the factor swatch inside a row. */
export const DENSITY_SIZES: Readonly<Record<Density, { readonly rowHeight: number; readonly cellWidth: number; readonly cellHeight: number }>> = {
  comfortable: { rowHeight: 34, cellWidth: 100, cellHeight: 26 },
  compact: { rowHeight: 24, cellWidth: 100, cellHeight: 18 },
};

export const DENSITY_KEY = 'vendorscope.heatmap.density';

/** The remembered density; comfortable when none is, or storage is unavailable (private mode, a blocked origin). */
export function loadDensity(storage: Pick<Storage, 'getItem'> | undefined): Density {
  try {
    const v = storage?.getItem(DENSITY_KEY);
    return v === 'compact' ? 'compact' : 'comfortable';
  } catch {
    return 'comfortable';
  }
}

/** Remembers `d`; a storage that refuses leaves the choice for this page only. */
export function saveDensity(storage: Pick<Storage, 'setItem'> | undefined, d: Density): void {
  try {
    storage?.setItem(DENSITY_KEY, d);
  } catch {
    // Nothing to do: the density still applies until the page is left.
  }
}
