/**
 * Methodology versions: the one in force is the latest stored. A new database starts with the
 * shipped default; an admin stores a new version with PUT /api/v1/methodology. A database whose
 * version in force is the 1.0.0 the first release shipped (unchanged) moves to the shipped default
 * on start; one whose admins put their own version in force keeps it. Shipped versions a database
 * never stored can still be named (the backtest, old scores), and their labels are not reused.
 */
import { storedPolicy, type DecayPolicy, type Policy } from '../domain/methodology.ts';
import type { Store } from '../db/store.ts';
import { SYSTEM, type Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { DECAY_POLICIES, remainingWeight } from '../scoring/decay.ts';
import { ServiceError } from './errors.ts';
import { POLICY_1_0_0 } from '../scoring/policy-1.0.0.ts';

export interface MethodologyVersion {
  readonly version: string;
  readonly note: string | null;
  readonly createdAt: string;
  readonly active: boolean;
}

export function methodologyService(store: Store, clock: Clock, shipped: Policy) {
  let cache: { id: number; policy: Policy } | undefined;

  const parametersOf = ({ version: _v, ...parameters }: Policy) => parameters;
  const shippedVersions: ReadonlyArray<{ version: string; parameters: unknown }> = [
    POLICY_1_0_0,
    { version: shipped.version, parameters: parametersOf(shipped) },
  ];

  /** Id of the version in force, storing the shipped default first on a new database. */
  const activeId = (): number =>
    store.methodology.latestId() ??
    store.transaction(() => {
      const existing = store.methodology.latestId();
      if (existing !== undefined) return existing;
      const id = store.methodology.create(shipped.version, parametersOf(shipped), 'Shipped default', clock.now());
      store.audit.append(SYSTEM, { action: 'create', entity: 'methodology', entityId: shipped.version, after: shipped }, clock.now());
      return id;
    });

  const load = (id: number): Policy => {
    const stored = store.methodology.find(id)!;
    // Stored parameters were validated on the way in; parsing again guards against hand edits.
    return storedPolicy(stored.parameters, stored.version);
  };

  const active = (): Policy => {
    const id = activeId();
    if (cache?.id !== id) cache = { id, policy: load(id) };
    return cache.policy;
  };

  /** A version's policy by its label (for explaining old scores): stored, or else shipped. */
  const byVersion = (version: string): Policy | undefined => {
    const found = store.methodology.findVersion(version) ?? shippedVersions.find((v) => v.version === version);
    return found && storedPolicy(found.parameters, found.version);
  };

  /**
   * Start-up on a database of the first release: the shipped 1.0.0, exactly as shipped, in force →
   * the shipped default stored and put in force, audited as the system's. Older versions stay
   * stored and go on scoring as they did (frozen quarters keep theirs).
   */
  const upgradeShipped = (): void =>
    store.transaction(() => {
      const id = store.methodology.latestId();
      const latest = id === undefined ? undefined : store.methodology.find(id);
      if (!latest || latest.version !== POLICY_1_0_0.version || latest.version === shipped.version) return;
      if (canonical(latest.parameters) !== canonical(POLICY_1_0_0.parameters)) return;
      if (store.methodology.findVersion(shipped.version)) return;
      const before = load(id!);
      const note = `Shipped default (replaces the shipped ${POLICY_1_0_0.version})`;
      store.methodology.create(shipped.version, parametersOf(shipped), note, clock.now());
      store.audit.append(SYSTEM, { action: 'create', entity: 'methodology', entityId: shipped.version, before, after: { ...shipped, note } }, clock.now());
    });

  return {
    byVersion,
    /** Stores the shipped default on a database that has no methodology yet (start-up does this). */
    ensureDefault: (): void => {
      activeId();
      upgradeShipped();
    },
    active,
    /** The version in force with every parameter, as GET /api/v1/methodology shows it. */
    current: () => {
      const id = activeId();
      const stored = store.methodology.find(id)!;
      return { ...active(), note: stored.note, createdAt: stored.createdAt };
    },
    /** The named decay policies with sampled curves (every 30 days for six years). */
    decayPolicies: () => {
      const inForce = active().decay;
      // A stored methodology may use a decay policy of its own: it is listed first.
      const named: DecayPolicy[] = Object.values(DECAY_POLICIES);
      const all = named.some((d) => d.name === inForce.name) ? named : [inForce, ...named];
      return all.map((d) => ({
        ...d,
        inForce: d.name === inForce.name,
        curve: Array.from({ length: 74 }, (_, i) => ({ days: i * 30, weight: Math.round(remainingWeight(d, i * 30) * 10_000) / 10_000 })),
      }));
    },
    /** Every label byVersion answers: the stored versions, then shipped ones this database never stored. */
    labels: (): string[] => [...new Set([...store.methodology.list().map((m) => m.version), ...shippedVersions.map((v) => v.version)])],
    versions: (): MethodologyVersion[] => {
      const id = activeId();
      return store.methodology.list().map((m) => ({ version: m.version, note: m.note, createdAt: m.createdAt, active: m.id === id }));
    },
    /** Stores a new version and puts it in force. */
    create: (actor: Actor, next: Policy, note: string | null) =>
      store.transaction(() => {
        activeId();
        if (store.methodology.findVersion(next.version) || shippedVersions.some((v) => v.version === next.version)) {
          throw new ServiceError(
            'conflict',
            'methodology-version-taken',
            `Methodology version ${next.version} exists (stored here or shipped); versions are never overwritten.`,
            [{ path: 'body.version', message: 'already used' }],
          );
        }
        const before = active();
        store.methodology.create(next.version, parametersOf(next), note, clock.now());
        store.audit.append(actor, { action: 'create', entity: 'methodology', entityId: next.version, before, after: { ...next, note } }, clock.now());
        return { ...active(), note, createdAt: clock.now() };
      }),
  };
}

export type MethodologyService = ReturnType<typeof methodologyService>;

/** JSON with its keys sorted: two parameter sets are the same when this is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
