/**
 * What an admin page shows when its data is refused: the server decides who may see it, and a
 * viewer or analyst who reaches one by URL learns why, in words, with a way on.
 */
import { html } from 'lit';
import { ApiError } from '../api/api-error.ts';
import '../components/vr-error.ts';

export function refusal(e: unknown, what: string) {
  if (e instanceof ApiError && e.code === 'passkey-required') {
    return html`<vr-error heading="Sign in with a passkey first" .error=${e}>
      <p>Register a passkey on <a href="/account">your account page</a> if you have none, then <a href="/sign-in">sign in with it</a>.</p>
    </vr-error>`;
  }
  if (e instanceof ApiError && e.code === 'forbidden') {
    return html`<vr-error heading="Admins only" .error=${e}>
      <p>The ${what} is open to admins only. <a href="/portfolio">Back to the portfolio</a></p>
    </vr-error>`;
  }
  return html`<vr-error heading=${`The ${what} could not be loaded`} .error=${e}></vr-error>`;
}
