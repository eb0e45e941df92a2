/** SQL for watch rules and the in-app notifications they produce. */
import type { Db } from './open.ts';
import type { ChangeKind } from '../domain/change.ts';
import type { Severity } from '../domain/vocabulary.ts';
import type { EmailMode, WatchRule, WatchRuleInput } from '../domain/watch-rule.ts';

interface RuleRow {
  id: number;
  user_id: number;
  kind: string;
  tiers: string | null;
  min_severity: string | null;
  mine_only: number;
  band_rose_only: number;
  within_days: number | null;
  in_app: number;
  email: string;
  created_at: string;
  updated_at: string;
}

export type StoredRule = WatchRule & { readonly userId: number };

const toRule = (r: RuleRow): StoredRule => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as ChangeKind,
  tiers: r.tiers === null ? null : (JSON.parse(r.tiers) as number[]),
  minSeverity: r.min_severity as Severity | null,
  mineOnly: r.mine_only === 1,
  bandRoseOnly: r.band_rose_only === 1,
  withinDays: r.within_days,
  inApp: r.in_app === 1,
  email: r.email as EmailMode,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (r: WatchRuleInput) => ({
  kind: r.kind,
  tiers: r.tiers === null ? null : JSON.stringify(r.tiers),
  min_severity: r.minSeverity,
  mine_only: r.mineOnly ? 1 : 0,
  band_rose_only: r.bandRoseOnly ? 1 : 0,
  within_days: r.withinDays,
  in_app: r.inApp ? 1 : 0,
  email: r.email,
});

export function watchRulesRepo(db: Db) {
  const byUser = db.prepare<[number], RuleRow>('SELECT * FROM watch_rules WHERE user_id = ? ORDER BY id');
  const byId = db.prepare<[number, number], RuleRow>('SELECT * FROM watch_rules WHERE id = ? AND user_id = ?');
  // Rules of enabled users for one kind: what the alerts sink matches a change against.
  const ofKind = db.prepare<[string, string], RuleRow>(
    'SELECT r.* FROM watch_rules r JOIN users u ON u.id = r.user_id WHERE r.kind = ? AND u.disabled_at IS NULL AND (r.in_app = 1 OR r.email <> ?) ORDER BY r.user_id, r.id',
  );
  const insert =
    db.prepare(`INSERT INTO watch_rules (user_id, kind, tiers, min_severity, mine_only, band_rose_only, within_days, in_app, email, created_at, updated_at)
    VALUES (@user_id, @kind, @tiers, @min_severity, @mine_only, @band_rose_only, @within_days, @in_app, @email, @now, @now)`);
  const update = db.prepare(`UPDATE watch_rules SET kind = @kind, tiers = @tiers, min_severity = @min_severity, mine_only = @mine_only,
    band_rose_only = @band_rose_only, within_days = @within_days, in_app = @in_app, email = @email, updated_at = @now WHERE id = @id AND user_id = @user_id`);
  const remove = db.prepare<[number, number]>('DELETE FROM watch_rules WHERE id = ? AND user_id = ?');
  const removeAll = db.prepare<[number]>('DELETE FROM watch_rules WHERE user_id = ?');
  const defaults =
    db.prepare(`INSERT INTO watch_rules (user_id, kind, tiers, min_severity, mine_only, band_rose_only, within_days, in_app, email, created_at, updated_at)
    SELECT @user_id, kind, tiers, min_severity, mine_only, band_rose_only, within_days, in_app, email, @now, @now FROM default_watch_rules ORDER BY position`);
  return {
    list: (userId: number): StoredRule[] => byUser.all(userId).map(toRule),
    find: (userId: number, id: number): StoredRule | undefined => {
      const r = byId.get(id, userId);
      return r && toRule(r);
    },
    /** Rules of enabled users watching this kind and going somewhere (in-app or e-mail). */
    ofKind: (kind: ChangeKind): StoredRule[] => ofKind.all(kind, 'off').map(toRule),
    create: (userId: number, r: WatchRuleInput, now: string): number => Number(insert.run({ ...params(r), user_id: userId, now }).lastInsertRowid),
    update: (userId: number, id: number, r: WatchRuleInput, now: string): boolean => update.run({ ...params(r), id, user_id: userId, now }).changes > 0,
    remove: (userId: number, id: number): boolean => remove.run(id, userId).changes > 0,
    /** Replaces the user's rules with the defaults (the list in default_watch_rules, migration 0016). */
    reset: (userId: number, now: string): void => {
      removeAll.run(userId);
      defaults.run({ user_id: userId, now });
    },
  };
}

export type WatchRulesRepo = ReturnType<typeof watchRulesRepo>;
