/**
 * What changed: the one way an event is recorded. `record` appends the events and hands them to
 * every sink (the in-app alerts, the delivery outbox) in the same transaction, so that an event and
 * what it triggers are written together or not at all: nothing is lost if the process dies between
 * the event and its delivery, because the delivery is a row written with it.
 */
import type { Store } from '../../db/store.ts';
import type { Change, NewChange } from '../../domain/change.ts';
import type { Clock } from '../clock.ts';

/** Reacts to recorded changes inside the recording transaction: must be synchronous and write only through the store. */
export type ChangeSink = (changes: readonly Change[]) => void;

export function changesService(store: Store, clock: Clock, sinks: readonly ChangeSink[] = []) {
  return {
    /** Appends the events and runs the sinks, in one transaction (a savepoint inside the caller's). */
    record: (events: readonly NewChange[]): Change[] => {
      if (events.length === 0) return [];
      return store.transaction(() => {
        const saved = store.changes.append(events, clock.now());
        for (const sink of sinks) sink(saved);
        return saved;
      });
    },
  };
}

export type ChangesService = ReturnType<typeof changesService>;
