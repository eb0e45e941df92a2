/** SQL for frozen quarterly reports: one in force per closed quarter, the ones it replaced kept. */
import type { Db } from './open.ts';
import type { ReportOrigin } from '../domain/report.ts';

/** A stored snapshot without its body and basis (the history list). */
export interface FrozenReportMeta {
  readonly id: number;
  readonly quarter: string;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly generatedBy: string;
  readonly supersededAt: string | null;
  readonly supersededBy: string | null;
  readonly origin: ReportOrigin;
  /** Snapshots frozen per comparison (before one snapshot per quarter): the quarter compared with. */
  readonly comparedWith: string | null;
}

export interface FrozenReportRecord extends FrozenReportMeta {
  /** The report as stored: JSON text, served as it is. */
  readonly body: string;
  /** What the report rests on (JSON text), or null for a snapshot frozen per comparison. */
  readonly basis: string | null;
}

interface Row {
  id: number;
  quarter: string;
  as_of: string;
  body: string;
  basis: string | null;
  generated_at: string;
  generated_by: string;
  superseded_at: string | null;
  superseded_by: string | null;
  origin: ReportOrigin;
  compared_with: string | null;
}

const META = 'id, quarter, as_of, generated_at, generated_by, superseded_at, superseded_by, origin, compared_with';

const toMeta = (r: Omit<Row, 'body' | 'basis'>): FrozenReportMeta => ({
  id: r.id,
  quarter: r.quarter,
  asOf: r.as_of,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
  supersededAt: r.superseded_at,
  supersededBy: r.superseded_by,
  origin: r.origin,
  comparedWith: r.compared_with,
});
const toRecord = (r: Row): FrozenReportRecord => ({ ...toMeta(r), body: r.body, basis: r.basis });

export type NewFrozenReport = Omit<FrozenReportRecord, 'id'> & { readonly id?: number };

export function reportsRepo(db: Db) {
  const inForce = db.prepare<[string], Row>('SELECT * FROM frozen_reports WHERE quarter = ? AND superseded_at IS NULL');
  const byId = db.prepare<[number, string], Row>('SELECT * FROM frozen_reports WHERE id = ? AND quarter = ?');
  const history = db.prepare<[string], Omit<Row, 'basis'>>(`SELECT ${META}, body FROM frozen_reports WHERE quarter = ? ORDER BY id DESC`);
  const all = db.prepare<[], Row>('SELECT * FROM frozen_reports ORDER BY id');
  const insert =
    db.prepare(`INSERT INTO frozen_reports (id, quarter, as_of, body, basis, generated_at, generated_by, superseded_at, superseded_by, origin, compared_with)
    VALUES (@id, @quarter, @as_of, @body, @basis, @generated_at, @generated_by, @superseded_at, @superseded_by, @origin, @compared_with)`);
  const supersede = db.prepare('UPDATE frozen_reports SET superseded_at = ?, superseded_by = ? WHERE id = ? AND superseded_at IS NULL');
  const clear = db.prepare('DELETE FROM frozen_reports');
  const inForceMeta = db.prepare<[string], Omit<Row, 'body' | 'basis'>>(`SELECT ${META} FROM frozen_reports WHERE quarter = ? AND superseded_at IS NULL`);
  const bodyOf = db.prepare<[number], { body: string }>('SELECT body FROM frozen_reports WHERE id = ?');
  const basisOf = db.prepare<[number], { basis: string | null }>('SELECT basis FROM frozen_reports WHERE id = ?');
  const generation = db.prepare<[], { generation: number }>('SELECT generation FROM fact_generation WHERE id = 1');
  return {
    /** The snapshot in force for a quarter without its body and basis (read apart, when needed). */
    inForceMeta: (quarter: string): FrozenReportMeta | undefined => {
      const r = inForceMeta.get(quarter);
      return r && toMeta(r);
    },
    /** A snapshot's body (JSON text). */
    body: (id: number): string | undefined => bodyOf.get(id)?.body,
    /** A snapshot's basis (JSON text), null for one frozen per comparison. */
    basis: (id: number): string | null | undefined => basisOf.get(id)?.basis,
    /**
     * The facts' generation: a counter every write to a vendor, incident, support arrangement, MFA
     * record, posture statement, decision, condition or methodology moves (triggers of migration 0014).
     * While it stands still, anything computed from today's facts still holds.
     */
    factGeneration: (): number => generation.get()!.generation,
    /** The snapshot in force for a quarter, if it was frozen. */
    inForce: (quarter: string): FrozenReportRecord | undefined => {
      const r = inForce.get(quarter);
      return r && toRecord(r);
    },
    /** One snapshot of a quarter, in force or superseded. */
    find: (quarter: string, id: number): FrozenReportRecord | undefined => {
      const r = byId.get(id, quarter);
      return r && toRecord(r);
    },
    /** A quarter's snapshots, newest first, with their bodies (for the headline) but not their basis. */
    history: (quarter: string): Array<FrozenReportMeta & { body: string }> => history.all(quarter).map((r) => ({ ...toMeta(r), body: r.body })),
    /** Stores a snapshot (with its own id when restoring); the caller supersedes the one in force first. */
    insert: (r: NewFrozenReport): number =>
      Number(
        insert.run({
          id: r.id ?? null,
          quarter: r.quarter,
          as_of: r.asOf,
          body: r.body,
          basis: r.basis,
          generated_at: r.generatedAt,
          generated_by: r.generatedBy,
          superseded_at: r.supersededAt,
          superseded_by: r.supersededBy,
          origin: r.origin,
          compared_with: r.comparedWith,
        }).lastInsertRowid,
      ),
    supersede: (id: number, at: string, by: string): void => {
      supersede.run(at, by, id);
    },
    all: (): FrozenReportRecord[] => all.all().map(toRecord),
    clear: (): void => {
      clear.run();
    },
  };
}
