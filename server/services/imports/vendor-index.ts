/**
 * The vendors an import may land on, looked up in memory: by id, and by name or alias (case and
 * spacing ignored, as `nameKey` compares them). A website domain is kept apart: it only ever
 * suggests a possible duplicate, it never decides a match.
 */
import { nameKey, type Vendor } from '../../domain/vendor.ts';

export interface NameMatch {
  readonly vendor: Vendor;
  /** Whether the text is the vendor's name or one of its aliases. */
  readonly via: 'name' | 'alias';
}

export interface VendorIndex {
  readonly byId: (id: number) => Vendor | undefined;
  readonly byName: (name: string) => NameMatch | undefined;
  readonly byDomain: (domain: string) => Vendor | undefined;
}

export function vendorIndex(vendors: readonly Vendor[]): VendorIndex {
  const ids = new Map<number, Vendor>();
  const names = new Map<string, NameMatch>();
  const domains = new Map<string, Vendor>();
  for (const v of vendors) {
    ids.set(v.id, v);
    names.set(nameKey(v.name), { vendor: v, via: 'name' });
    for (const a of v.aliases) names.set(nameKey(a), { vendor: v, via: 'alias' });
    if (v.domain && !domains.has(v.domain)) domains.set(v.domain, v);
  }
  return {
    byId: (id) => ids.get(id),
    byName: (name) => names.get(nameKey(name)),
    byDomain: (domain) => domains.get(domain.toLowerCase()),
  };
}
