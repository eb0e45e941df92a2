/** The host's content-box width, kept current by a ResizeObserver (the small part of @lit-labs/observers we need). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class WidthController implements ReactiveController {
  width = 0;
  private readonly _host: ReactiveControllerHost & Element;
  private readonly _observer = new ResizeObserver((entries) => {
    const w = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (w !== this.width) {
      this.width = w;
      this._host.requestUpdate();
    }
  });

  constructor(host: ReactiveControllerHost & Element) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this._observer.observe(this._host);
  }

  hostDisconnected(): void {
    this._observer.disconnect();
  }
}
