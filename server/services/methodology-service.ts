/**
 * Methodology versions: the one in force is the latest stored. A new database starts with the
 * shipped default; an admin stores a new version with PUT /api/v1/methodology.
 */
import { storedPolicy, type DecayPolicy, type Policy } from '../domain/methodology.ts';
import type { Store } from '../db/store.ts';
import { SYSTEM, type Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { DECAY_POLICIES, remainingWeight } from '../scoring/decay.ts';
import { ServiceError } from './errors.ts';

export interface MethodologyVersion {
  readonly version: string;
  readonly note: string | null;
  readonly createdAt: string;
  readonly active: boolean;
}

export function methodologyService(store: Store, clock: Clock, shipped: Policy) {
  let cache: { id: number; policy: Policy } | undefined;

  const parametersOf = ({ version: _v, ...parameters }: Policy) => parameters;

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

  /** A stored version's policy, by its label (for explaining old scores). */
  const byVersion = (version: string): Policy | undefined => {
    const stored = store.methodology.findVersion(version);
    return stored && storedPolicy(stored.parameters, stored.version);
  };

  return {
    byVersion,
    /** Stores the shipped default on a database that has no methodology yet (start-up does this). */
    ensureDefault: (): void => {
      activeId();
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
    versions: (): MethodologyVersion[] => {
      const id = activeId();
      return store.methodology.list().map((m) => ({ version: m.version, note: m.note, createdAt: m.createdAt, active: m.id === id }));
    },
    /** Stores a new version and puts it in force. */
    create: (actor: Actor, next: Policy, note: string | null) =>
      store.transaction(() => {
        activeId();
        if (store.methodology.findVersion(next.version)) {
          throw new ServiceError('conflict', 'methodology-version-taken', `Methodology version ${next.version} exists; versions are never overwritten.`, [
            { path: 'body.version', message: 'already used' },
          ]);
        }
        const before = active();
        store.methodology.create(next.version, parametersOf(next), note, clock.now());
        store.audit.append(actor, { action: 'create', entity: 'methodology', entityId: next.version, before, after: { ...next, note } }, clock.now());
        return { ...active(), note, createdAt: clock.now() };
      }),
  };
}

export type MethodologyService = ReturnType<typeof methodologyService>;
