/**
 * What the account and admin forms (password, new user, new token, new passkey) share: the
 * server's errors by field, the outcome lines, a busy flag, and emptying the fields when the page
 * raises `resetKey` after a change went through. The form's `@submit` is `onSubmit`; `submitted`
 * reads the form unless a request is already on its way.
 */
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

export abstract class AccountForm extends LitElement {
  static override styles: CSSResultGroup = [controls, forms];

  /** Field errors from the server, by field name. */
  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};
  @property() failure = '';
  @property() done = '';
  @property({ type: Boolean }) busy = false;
  /** Raised by the page after a change went through: the fields are emptied. */
  @property({ type: Number }) resetKey = 0;
  @query('form') private _form!: HTMLFormElement;

  /** The change a submitted form asks for (not called while busy). */
  protected abstract submitted(form: HTMLFormElement): void;

  /** The form's `@submit`: the page, not the browser, sends it. */
  protected onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (!this.busy) this.submitted(e.currentTarget as HTMLFormElement);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resetKey') && changed.get('resetKey') !== undefined) this._form?.reset();
  }
}
