/** The review cadence by tier, kept in the database so admins can change it without a restart. */
import type { Store } from '../../db/store.ts';
import type { Actor } from '../../domain/account.ts';
import { cadence as cadenceShape, DEFAULT_CADENCE, type Cadence } from '../../domain/review.ts';
import type { Clock } from '../clock.ts';

export const REVIEW_CADENCE_KEY = 'review-cadence';

export function cadenceStore(store: Store, clock: Clock) {
  const get = (): Cadence => {
    const stored = store.meta.get(REVIEW_CADENCE_KEY);
    // A value that no longer parses (hand-edited database) falls back to the defaults, never to nothing.
    const parsed = stored === undefined ? undefined : cadenceShape.safeParse(JSON.parse(stored));
    return parsed?.success ? parsed.data : DEFAULT_CADENCE;
  };
  return {
    get,
    /** Changes the cadence for reviews decided from now on; existing next-review dates stay. */
    set: (actor: Actor, c: Cadence): Cadence =>
      store.transaction(() => {
        const before = get();
        store.meta.set(REVIEW_CADENCE_KEY, JSON.stringify(c));
        store.audit.append(actor, { action: 'update', entity: 'review-cadence', entityId: null, before, after: c }, clock.now());
        return c;
      }),
  };
}
