/**
 * The analyst's controls on the vendor page's evidence lists: "Add …" in a section's head, "Edit"
 * and "Delete" on each record (named for screen readers: "Edit incident: Lapsus$ …"), and the
 * line that says a change went through. Templates, shown only to those who may edit. The review
 * section's forms use the same small buttons (`button.edit`).
 */
import { css, html, nothing } from 'lit';

export const editControlStyles = css`
  .head-actions {
    margin-left: auto;
    display: flex;
    gap: 8px;
  }
  button.edit,
  button.add {
    font: inherit;
    font-size: 0.85rem;
    font-weight: 600;
    padding: 3px 12px;
    border-radius: 4px;
    border: 1px solid var(--vr-line-strong);
    background: var(--vr-surface);
    color: var(--vr-accent);
    cursor: pointer;
    white-space: nowrap;
  }
  button.add {
    border-color: var(--vr-accent);
  }
  button.edit:hover,
  button.add:hover {
    background: var(--vr-accent-soft);
  }
  button.edit.delete {
    color: var(--vr-danger);
  }
  button.edit.delete:hover {
    background: var(--vr-danger-soft);
  }
  .record-actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    margin: 0 0 8px;
  }
  .saved {
    margin: 0 0 12px;
    padding: 6px 12px;
    border-left: 4px solid var(--vr-fact);
    background: var(--vr-fact-soft);
    border-radius: 0 var(--vr-radius) var(--vr-radius) 0;
    font-size: 0.9rem;
  }
  .saved:empty {
    display: none;
  }
  h2[tabindex='-1']:focus {
    outline: 3px solid var(--vr-focus);
    outline-offset: 2px;
  }
`;

/** Edit and Delete for one record, or nothing for a reader. */
export const recordActions = (editable: boolean, what: string, name: string, onEdit: () => void, onDelete?: () => void) =>
  editable
    ? html`<div class="record-actions">
        <button type="button" class="edit" @click=${onEdit}>Edit<span class="sr-only"> ${what}: ${name}</span></button>
        ${onDelete ? html`<button type="button" class="edit delete" @click=${onDelete}>Delete<span class="sr-only"> ${what}: ${name}</span></button>` : nothing}
      </div>`
    : nothing;

/** The outcome of the last change in this section, announced (always in the DOM, empty when there is none). */
export const savedLine = (text: string) => html`<p class="saved" role="status">${text}</p>`;
