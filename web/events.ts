/**
 * The app's DOM events: each a typed Event subclass, declared in HTMLElementEventMap so that
 * `addEventListener` and Lit's `@event` bindings see the payload type. They bubble and cross
 * shadow roots, because the listener is usually a page or the app, several roots up.
 */
/** A sort direction; the heatmap's sort (charts/heatmap.sort.ts) and its SortRequested event share it. */
export type SortDir = 'asc' | 'desc';

const UP: EventInit = { bubbles: true, composed: true };

/** A vendor was picked (row click, Enter or Space on a row). */
export class VendorSelected extends Event {
  static readonly type = 'vendor-selected';
  readonly vendorId: number;
  constructor(vendorId: number) {
    super(VendorSelected.type, UP);
    this.vendorId = vendorId;
  }
}

/** The user asked for another sort column or direction. */
export class SortChanged extends Event {
  static readonly type = 'sort-changed';
  readonly key: string;
  readonly dir: SortDir;
  constructor(key: string, dir: SortDir) {
    super(SortChanged.type, UP);
    this.key = key;
    this.dir = dir;
  }
}

/** A page asks the app to go to another URL (path plus query) of this app. */
export class NavigationRequested extends Event {
  static readonly type = 'navigation-requested';
  readonly url: string;
  /** Replace the history entry instead of adding one (for view state such as the sort). */
  readonly replace: boolean;
  /**
   * Move focus to the new page (as for a new page) or leave it where it is (an in-page change of the URL, such as a
   * pick in a picker, where the control the user is on must keep focus). By default: only for an added history entry.
   */
  readonly moveFocus: boolean;
  constructor(url: string, replace = false, moveFocus = !replace) {
    super(NavigationRequested.type, UP);
    this.url = url;
    this.replace = replace;
    this.moveFocus = moveFocus;
  }
}

/** The user picked another "as of" day; an empty `asOf` means today. */
export class AsOfChanged extends Event {
  static readonly type = 'as-of-changed';
  readonly asOf: string;
  constructor(asOf: string) {
    super(AsOfChanged.type, UP);
    this.asOf = asOf;
  }
}

/** A link asked to show a piece of evidence on this page (a finding or a gap pointing at an incident, a subprocessor, an MFA row). */
export class EvidenceRequested extends Event {
  static readonly type = 'evidence-requested';
  /** The id of the element to show, e.g. `incident-12`; it lives in some component's shadow root. */
  readonly anchor: string;
  constructor(anchor: string) {
    super(EvidenceRequested.type, UP);
    this.anchor = anchor;
  }
}

/** The vendors to compare changed (added or removed), in order. */
export class CompareSelectionChanged extends Event {
  static readonly type = 'compare-selection-changed';
  readonly vendorIds: readonly number[];
  constructor(vendorIds: readonly number[]) {
    super(CompareSelectionChanged.type, UP);
    this.vendorIds = vendorIds;
  }
}

/** What is typed in compare's vendor search changed: the page asks the API for the vendors matching it. */
export class CompareSearchChanged extends Event {
  static readonly type = 'compare-search-changed';
  readonly query: string;
  constructor(query: string) {
    super(CompareSearchChanged.type, UP);
    this.query = query;
  }
}

/** A node of the supply-chain graph was selected; '' clears the selection. */
export class GraphNodeSelected extends Event {
  static readonly type = 'graph-node-selected';
  readonly nodeId: string;
  constructor(nodeId: string) {
    super(GraphNodeSelected.type, UP);
    this.nodeId = nodeId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'vendor-selected': VendorSelected;
    'sort-changed': SortChanged;
    'navigation-requested': NavigationRequested;
    'as-of-changed': AsOfChanged;
    'evidence-requested': EvidenceRequested;
    'compare-selection-changed': CompareSelectionChanged;
    'compare-search-changed': CompareSearchChanged;
    'graph-node-selected': GraphNodeSelected;
  }
}
