/** Events of the What changed page. */
import type { FeedFilters } from './changes.ts';

/** The period or a filter of the feed was changed. */
export class FeedFiltersChanged extends Event {
  static readonly type = 'feed-filters-changed';
  readonly filters: FeedFilters;
  constructor(filters: FeedFilters) {
    super(FeedFiltersChanged.type, { bubbles: true, composed: true });
    this.filters = filters;
  }
}

declare global {
  interface HTMLElementEventMap {
    'feed-filters-changed': FeedFiltersChanged;
  }
}
