// @ts-check
// The status line, the progress bar, the messages above the list and the confirm dialog: how
// the page tells the reader what is happening. Split from app.js so that every module reports
// the same way.

import { el, replace } from '../dom.js';

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createStatus(app) {
  const { $, stateElements } = app;

  function setStatus(kind, text) {
    if (kind !== 'busy') app.markSettled();
    for (const node of stateElements) node.dataset.state = kind;
    $('status').textContent = text;
    $('status').className = `status status-${kind}`;
    $('input').setAttribute('aria-busy', String(kind === 'busy'));
  }

  /** `false` hides the bar, `null` makes it indeterminate, a number from 0 to 1 fills it. */
  function setProgress(value) {
    const bar = $('progress');
    bar.hidden = value === false;
    if (value === false || value == null) bar.removeAttribute('value');
    else {
      bar.max = 1;
      bar.value = value;
    }
  }

  function clearMessages() {
    replace($('messages'));
  }

  function showMessage(kind, text) {
    const item = el(
      'li',
      { class: `message message-${kind}` },
      el('span', { class: 'message-kind', text: kind === 'error' ? 'Not loaded:' : 'Note:' }),
      ' ',
      el('span', { class: 'message-text', text }),
      ' ',
      el('button', { type: 'button', class: 'link dismiss', 'aria-label': `Dismiss: ${text}`, text: 'Dismiss', onclick: () => item.remove() }),
    );
    $('messages').append(item);
  }

  /** Asks in the page's own dialog (never `confirm()`); resolves true when confirmed. */
  function confirmAction({ title, text, ok }) {
    const dialog = $('confirm-dialog');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = ok;
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.showModal();
      $('confirm-cancel').focus();
    });
  }

  return { setStatus, setProgress, clearMessages, showMessage, confirmAction };
}
