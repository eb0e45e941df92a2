/** SQL for vendors. */
import type { Db } from './open.ts';
import { bit, likePattern, list } from './row-codec.ts';
import { domainOf, nameKey, type Vendor, type VendorInput } from '../domain/vendor.ts';
import type { DataAccess, EnvironmentAccess, VendorStatus } from '../domain/vocabulary.ts';
import type { Kept } from './row-codec.ts';

interface VendorRow {
  id: number;
  name: string;
  category: string;
  website: string | null;
  tier: number;
  data_access: string;
  environment_access: string;
  status: string;
  business_owner: string | null;
  next_review_on: string | null;
  notes: string | null;
  relationship_is_example: number;
  engaged_since: string | null;
  aliases: string;
  incident_count: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface VendorFilter {
  tier?: number | undefined;
  category?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

const toVendor = (r: VendorRow): Vendor => ({
  id: r.id,
  name: r.name,
  category: r.category,
  website: r.website,
  domain: domainOf(r.website),
  tier: r.tier,
  dataAccess: r.data_access as DataAccess,
  environmentAccess: r.environment_access as EnvironmentAccess,
  status: r.status as VendorStatus,
  businessOwner: r.business_owner,
  nextReviewOn: r.next_review_on,
  notes: r.notes,
  relationshipIsExample: r.relationship_is_example === 1,
  // Rows from before engagement was recorded have none: the day they were recorded stands in.
  engagedSince: r.engaged_since ?? r.created_at.slice(0, 10),
  aliases: list(r.aliases),
  incidentCount: r.incident_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const SELECT = `SELECT v.*, (SELECT COUNT(*) FROM incidents i WHERE i.vendor_id = v.id) AS incident_count,
    (SELECT json_group_array(alias) FROM (SELECT a.alias FROM vendor_aliases a WHERE a.vendor_id = v.id ORDER BY a.position)) AS aliases
  FROM vendors v`;
// One statement for every combination of filters: a NULL parameter switches its clause off.
const WHERE = `WHERE (@tier IS NULL OR v.tier = @tier)
  AND (@category IS NULL OR v.category = @category COLLATE NOCASE)
  AND (@q IS NULL OR v.name LIKE @q ESCAPE '\\' OR v.category LIKE @q ESCAPE '\\' OR v.website LIKE @q ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM vendor_aliases a WHERE a.vendor_id = v.id AND a.alias LIKE @q ESCAPE '\\'))`;

const columns = (v: VendorInput, now: string) => ({
  name: v.name,
  name_key: nameKey(v.name),
  category: v.category,
  website: v.website,
  tier: v.tier,
  data_access: v.dataAccess,
  environment_access: v.environmentAccess,
  status: v.status,
  business_owner: v.businessOwner,
  next_review_on: v.nextReviewOn,
  notes: v.notes,
  relationship_is_example: bit(v.relationshipIsExample),
  // Not given: the relationship began the day the vendor is recorded.
  engaged_since: v.engagedSince ?? now.slice(0, 10),
  now,
});

export function vendorsRepo(db: Db) {
  const byId = db.prepare<[number], VendorRow>(`${SELECT} WHERE v.id = ?`);
  const byNameKey = db.prepare<[string], VendorRow>(`${SELECT} WHERE v.name_key = ?`);
  const all = db.prepare<[], VendorRow>(`${SELECT} ORDER BY v.name COLLATE NOCASE, v.id`);
  const page = db.prepare<Record<string, unknown>, VendorRow>(`${SELECT} ${WHERE} ORDER BY v.name COLLATE NOCASE, v.id LIMIT @limit OFFSET @offset`);
  const count = db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM vendors v ${WHERE}`);
  // Unfiltered, SQLite counts from its smallest index instead of testing every row against the filters.
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM vendors');
  // A NULL id lets SQLite pick one; a restore passes the exported id and timestamps.
  const insert = db.prepare(`INSERT INTO vendors (id, name, name_key, category, website, tier, data_access,
      environment_access, status, business_owner, next_review_on, notes, relationship_is_example, engaged_since, created_at, updated_at)
    VALUES (@id, @name, @name_key, @category, @website, @tier, @data_access, @environment_access, @status,
      @business_owner, @next_review_on, @notes, @relationship_is_example, @engaged_since, @created_at, @updated_at)`);
  const update = db.prepare(`UPDATE vendors SET name = @name, name_key = @name_key, category = @category,
      website = @website, tier = @tier, data_access = @data_access, environment_access = @environment_access,
      status = @status, business_owner = @business_owner, next_review_on = @next_review_on, notes = @notes,
      relationship_is_example = @relationship_is_example, engaged_since = @engaged_since, updated_at = @now,
      version = version + 1
    WHERE id = @id AND (@expect IS NULL OR version = @expect)`);
  const clearAliases = db.prepare<[number]>('DELETE FROM vendor_aliases WHERE vendor_id = ?');
  const addAlias = db.prepare('INSERT INTO vendor_aliases (vendor_id, position, alias, alias_key) VALUES (?, ?, ?, ?)');
  const byAliasKey = db.prepare<[string], VendorRow>(`${SELECT} WHERE v.id = (SELECT vendor_id FROM vendor_aliases WHERE alias_key = ?)`);
  const setAliases = (id: number, aliases: readonly string[]) => {
    clearAliases.run(id);
    aliases.forEach((a, i) => addAlias.run(id, i, a, nameKey(a)));
  };
  const remove = db.prepare<{ id: number; expect: number | null }>('DELETE FROM vendors WHERE id = @id AND (@expect IS NULL OR version = @expect)');
  const reviewed = db.prepare('UPDATE vendors SET status = @status, next_review_on = @next_review_on, updated_at = @now, version = version + 1 WHERE id = @id');
  const mfaVersion = db.prepare<[number], { mfa_version: number }>('SELECT mfa_version FROM vendors WHERE id = ?');

  return {
    find: (id: number): Vendor | undefined => {
      const r = byId.get(id);
      return r && toVendor(r);
    },
    findByName: (name: string): Vendor | undefined => {
      const r = byNameKey.get(nameKey(name));
      return r && toVendor(r);
    },
    /** The vendor with this name or alias (case and spacing ignored). */
    findByNameOrAlias: (name: string): Vendor | undefined => {
      const r = byNameKey.get(nameKey(name)) ?? byAliasKey.get(nameKey(name));
      return r && toVendor(r);
    },
    all: (): Vendor[] => all.all().map(toVendor),
    list: (f: VendorFilter): { items: Vendor[]; total: number } => {
      const params = { tier: f.tier ?? null, category: f.category ?? null, q: f.q ? likePattern(f.q) : null };
      return {
        items: page.all({ ...params, limit: f.limit, offset: f.offset }).map(toVendor),
        total: (params.tier === null && params.category === null && params.q === null ? countAll.get() : count.get(params))!.n,
      };
    },
    /** Inserts a vendor; a duplicate name or alias throws SQLITE_CONSTRAINT_UNIQUE. */
    create: (v: VendorInput, now: string, keep?: Kept): number => {
      const id = Number(
        insert.run({ ...columns(v, keep?.createdAt ?? now), id: keep?.id ?? null, created_at: keep?.createdAt ?? now, updated_at: keep?.updatedAt ?? now })
          .lastInsertRowid,
      );
      setAliases(id, v.aliases);
      return id;
    },
    /**
     * Writes the vendor and adds one to its version, only when that version is `expect` (when
     * given); false when it was not (nothing written), so a stale edit never overwrites a newer one.
     */
    update: (id: number, v: VendorInput, now: string, expect?: number): boolean => {
      if (update.run({ ...columns(v, now), id, expect: expect ?? null }).changes === 0) return false;
      setAliases(id, v.aliases);
      return true;
    },
    /** Deletes the vendor, only at version `expect` when given. */
    remove: (id: number, expect?: number): boolean => remove.run({ id, expect: expect ?? null }).changes > 0,
    /** The version of the vendor's MFA posture (replaced as a whole), apart from the vendor's own. */
    mfaVersion: (id: number): number | undefined => mfaVersion.get(id)?.mfa_version,

    /** What a procurement decision leaves on the vendor: its status and next review date. */
    setReviewOutcome: (id: number, status: VendorStatus, nextReviewOn: string | null, now: string): void => {
      reviewed.run({ id, status, next_review_on: nextReviewOn, now });
    },
  };
}

export type VendorsRepo = ReturnType<typeof vendorsRepo>;
