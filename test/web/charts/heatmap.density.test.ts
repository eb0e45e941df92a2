import { describe, expect, it } from 'vitest';
import { DENSITY_KEY, DENSITY_SIZES, loadDensity, saveDensity } from '../../../web/charts/heatmap.density.ts';
import { ROW_HEIGHT } from '../../../web/charts/heat-grid.styles.ts';

/** A Storage stand-in holding one map, or refusing every call (private mode, a blocked origin). */
const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};
const refusing = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('the heatmap density', () => {
  it('is comfortable unless compact was chosen, and remembers the choice', () => {
    const s = memory();
    expect(loadDensity(s)).toBe('comfortable');
    saveDensity(s, 'compact');
    expect(s.getItem(DENSITY_KEY)).toBe('compact');
    expect(loadDensity(s)).toBe('compact');
    s.setItem(DENSITY_KEY, 'huge');
    expect(loadDensity(s)).toBe('comfortable');
  });

  it('falls back to comfortable, and does not throw, where storage is refused or missing', () => {
    expect(loadDensity(refusing)).toBe('comfortable');
    expect(() => saveDensity(refusing, 'compact')).not.toThrow();
    expect(loadDensity(undefined)).toBe('comfortable');
  });

  it('draws compact rows shorter, with the swatch inside the row; comfortable as the trend heatmap', () => {
    expect(DENSITY_SIZES.comfortable.rowHeight).toBe(ROW_HEIGHT);
    expect(DENSITY_SIZES.compact.rowHeight).toBeLessThan(DENSITY_SIZES.comfortable.rowHeight);
    for (const d of Object.values(DENSITY_SIZES)) expect(d.cellHeight).toBeLessThan(d.rowHeight);
  });
});
