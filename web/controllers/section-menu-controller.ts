/**
 * A long page's section menu, for the page that shows it: which section is being read as the
 * window scrolls (once per frame), and showing one asked for (scrolled to below the sticky menu,
 * focused, named in the URL's fragment so a link opens there). The sections are elements with ids
 * in the host's shadow root; the page keeps room above whatever it scrolls to for the menu.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { currentSection, type DossierSection } from '../dossier-sections.ts';
import { revealIn } from '../reveal.ts';

/** Room (px) above a section scrolled to, for the sticky menu. */
export const MENU_CLEARANCE = 56;

export class SectionMenuController implements ReactiveController {
  /** The id of the section being read. */
  current: string;
  private _frame = 0;

  constructor(
    private readonly _host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly _sections: readonly DossierSection[],
  ) {
    this.current = _sections[0]?.id ?? '';
    _host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this._onScroll, { passive: true });
    window.addEventListener('resize', this._onScroll, { passive: true });
    // Whatever the page scrolls to (a section, a piece of evidence) lands below the sticky menu, not under it.
    document.documentElement.style.scrollPaddingTop = `${MENU_CLEARANCE}px`;
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this._onScroll);
    window.removeEventListener('resize', this._onScroll);
    document.documentElement.style.scrollPaddingTop = '';
    cancelAnimationFrame(this._frame);
  }

  /** A menu link was followed: that section, focused, and the URL names it. */
  show(id: string): void {
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${id}`);
    this._set(id);
    revealIn(this._host.renderRoot, id);
  }

  private _set(id: string): void {
    if (id === this.current) return;
    this.current = id;
    this._host.requestUpdate();
  }

  private _onScroll = (): void => {
    cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(() => {
      const root = this._host.renderRoot as ShadowRoot;
      const menu = root.querySelector('vr-section-menu')?.getBoundingClientRect().height ?? 0;
      const tops = this._sections.map((s) => root.getElementById(s.id)?.getBoundingClientRect().top ?? null);
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      const i = currentSection(tops, Math.max(menu, MENU_CLEARANCE) + 16, atBottom);
      if (i >= 0) this._set(this._sections[i]!.id);
    });
  };
}
