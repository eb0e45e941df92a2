/** The review cadence by tier, kept in the database so admins can change it without a restart. */
import type { Store } from '../../db/store.ts';
import type { Actor } from '../../domain/account.ts';
import { cadence as cadenceShape, DEFAULT_CADENCE, type Cadence, type StoredCadence } from '../../domain/review.ts';
import type { Clock } from '../clock.ts';
import { checkVersion, EditConflict } from '../errors.ts';

export const REVIEW_CADENCE_KEY = 'review-cadence';
/** The cadence's version (for If-Match), kept apart so that the stored cadence stays the export's shape. */
export const REVIEW_CADENCE_VERSION_KEY = 'review-cadence-version';

export function cadenceStore(store: Store, clock: Clock) {
  const get = (): Cadence => {
    const stored = store.meta.get(REVIEW_CADENCE_KEY);
    // A value that no longer parses (hand-edited database) falls back to the defaults, never to nothing.
    const parsed = stored === undefined ? undefined : cadenceShape.safeParse(JSON.parse(stored));
    return parsed?.success ? parsed.data : DEFAULT_CADENCE;
  };
  const stored = (): StoredCadence => ({ ...get(), version: store.meta.version(REVIEW_CADENCE_VERSION_KEY) });
  return {
    get,
    stored,
    /** Changes the cadence for reviews decided from now on; existing next-review dates stay. With `ifMatch`, only at that version. */
    set: (actor: Actor, c: Cadence, ifMatch?: number): StoredCadence =>
      store.transaction(() => {
        const before = stored();
        checkVersion('review cadence', before, ifMatch);
        if (!store.meta.bumpVersion(REVIEW_CADENCE_VERSION_KEY, before.version)) throw new EditConflict('review cadence', stored(), before.version);
        store.meta.set(REVIEW_CADENCE_KEY, JSON.stringify(c));
        const { version: _v, ...was } = before;
        store.audit.append(actor, { action: 'update', entity: 'review-cadence', entityId: null, before: was, after: c }, clock.now());
        return stored();
      }),
  };
}
