/**
 * A Task's list as a page shows it: the error, a loading line, or the content. While a reload
 * runs, the old value stays on screen, so a list does not blink (and keyboard focus is not lost).
 */
import { html } from 'lit';
import { TaskStatus, type Task } from '@lit/task';
import '../components/vr-error.ts';

export function loaded<T>(task: Task<readonly unknown[], T>, what: string, show: (value: T) => unknown): unknown {
  if (task.status === TaskStatus.ERROR) return html`<vr-error heading=${`The ${what} could not be loaded`} .error=${task.error}></vr-error>`;
  return task.value === undefined ? html`<p class="loading" role="status">Loading ${what}…</p>` : show(task.value);
}
