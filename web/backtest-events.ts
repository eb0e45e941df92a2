/** The backtest's DOM event: which run (one per decay policy) to show in detail. */

const UP: EventInit = { bubbles: true, composed: true };

export class BacktestRunChosen extends Event {
  static readonly type = 'backtest-run-chosen';
  /** Index of the run in the list shown. */
  readonly index: number;
  constructor(index: number) {
    super(BacktestRunChosen.type, UP);
    this.index = index;
  }
}

declare global {
  interface HTMLElementEventMap {
    'backtest-run-chosen': BacktestRunChosen;
  }
}
