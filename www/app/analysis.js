// @ts-check
// The analysis runner: one analysis at a time, latest wins (a change made while one runs marks
// the state dirty and one more follows; an analysis of an older article set is dropped), with
// the worker's progress turned into the status line and bar. Split from app.js so that the only
// code that talks to the worker about reports is in one place.

import { el, plural } from '../dom.js';
import { yieldToBrowser } from '../schedule.js';
import { findSame, makeView } from './view.js';

/**
 * The core's analysis stages in its order (`pipeline::STAGES`, the worker's `progress`
 * notices): what the status line calls each, and its share of an analysis in per cent
 * (bench-pipeline's CPU medians over the PolNeAR texts), so the bar moves at an even pace.
 */
/** @type {Record<string, [string, number]>} */
const STAGES = {
  prepare: ['reading the articles', 3],
  figures: ['finding dates and figures', 13],
  entities: ['finding entities', 43],
  claims: ['finding claims', 7],
  spans: ['writing the report', 1],
  compare: ['comparing the claims', 33],
};

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createAnalysis(app) {
  const { $, client, state, viewOnly } = app;

  async function analyse() {
    if (state.running) {
      state.dirty = true;
      return;
    }
    state.dirty = false;
    const snapshot = state.articles.filter((a) => !a.missing).map(({ id, name, text }) => ({ id, name, text }));
    const edits = state.edits.slice();
    if (snapshot.length === 0) {
      state.view = null;
      state.selected = null;
      app.renderList();
      app.renderResults();
      app.setProgress(false);
      app.setStatus('idle', 'Add articles to compare them.');
      return;
    }
    state.running = true;
    const version = state.version;
    const chars = snapshot.reduce((n, a) => n + a.text.length, 0);
    const busy = `Analysing ${plural(snapshot.length, 'article')} (${formatChars(chars)})`;
    app.setStatus('busy', `${busy}…`);
    app.setProgress(0);
    // the worker's notices (one per stage, else at most one per 50 ms): bar and stage named
    const onProgress = ({ stage, step, steps, done, total }) => {
      if (!state.running || version !== state.version) return;
      const shares = Object.values(STAGES).map(([, share]) => share);
      const before = shares.slice(0, step - 1).reduce((a, b) => a + b, 0);
      app.setProgress(Math.min(1, (before + (shares[step - 1] ?? 0) * (total ? done / total : 1)) / 100));
      // the text node only: the Cancel button after it stays
      const line = $('status').firstChild;
      const text = `${busy}: ${STAGES[stage]?.[0] ?? stage}… (stage ${step} of ${steps})`;
      if (line?.nodeType === Node.TEXT_NODE && line.nodeValue !== text) line.nodeValue = text;
    };
    // An analysis still running after a second can be cancelled (the client stops its worker).
    const offerCancel = typeof client.cancel === 'function'
      ? setTimeout(() => {
          if (!state.running) return;
          $('status').append(' ', el('button', { type: 'button', class: 'link cancel-analysis', text: 'Cancel', onclick: () => client.cancel() }));
        }, 1000)
      : null;
    let outcome;
    try {
      // One failing article (a lone surrogate, a trap) does not fail the others: the client
      // finds it, restarts its worker, analyses the rest and says which were left out.
      const ask = typeof client.analyzeSkipping === 'function' ? client.analyzeSkipping.bind(client) : client.analyze.bind(client);
      outcome = await ask(
        snapshot.map(({ name, text }) => ({ name, text })),
        edits.length ? { edits } : undefined,
        { onProgress },
      );
    } catch (err) {
      outcome = { error: err };
    }
    clearTimeout(offerCancel);
    state.running = false;
    if (outcome.error?.cancelled) {
      state.dirty = false;
      state.view = null;
      state.selected = null;
      app.renderList();
      app.renderResults();
      app.setProgress(false);
      app.setStatus('idle', 'The analysis was cancelled. Remove or shorten the longest articles, or add or change one to analyse again.');
      return;
    }
    if (state.dirty) {
      analyse();
      return;
    }
    if (version !== state.version) return; // an imported report took over meanwhile
    if (outcome.error) {
      state.view = null;
      state.selected = null;
      app.renderList();
      app.renderResults();
      app.setProgress(false);
      app.setStatus('error', `The analysis failed: ${outcome.error.message}`);
      return;
    }
    const previous = state.view && state.selected ? state.view.entityById.get(state.selected) : null;
    await yieldToBrowser();
    if (version !== state.version) return; // changed meanwhile: a newer analysis is on its way
    const left = new Set((outcome.skipped ?? []).map((s) => s.index));
    const analysed = left.size ? snapshot.filter((_, i) => !left.has(i)) : snapshot;
    state.view = makeView(outcome.report, analysed, edits, app.currentName);
    state.digest = outcome.digest ?? null;
    state.selected = previous ? findSame(state.view, previous) : null;
    state.mention = -1;
    state.mergePick = [];
    await yieldToBrowser();
    app.renderList();
    const r = outcome.report;
    const leftOut = (outcome.skipped ?? []).map((s) => `${s.name} (${s.message})`);
    // one message per left-out article, with a button to remove it from the list
    for (const old of $('messages').querySelectorAll('.message-skipped')) old.remove();
    for (const s of outcome.skipped ?? []) {
      const id = snapshot[s.index]?.id;
      const item = el(
        'li',
        { class: 'message message-note message-skipped' },
        el('span', { class: 'message-kind', text: 'Left out:' }),
        ' ',
        el('span', { class: 'message-text', text: `${s.name}: its analysis failed (${s.message}).` }),
        ' ',
        el('button', { type: 'button', class: 'link', text: `Remove ${s.name}`, onclick: () => { item.remove(); if (id) app.removeArticle(id); } }),
      );
      $('messages').append(item);
    }
    await showResults(
      `Analysed ${plural(analysed.length, 'article')} in ${Math.round(outcome.ms)} ms: ` +
        `${plural(r.entities?.length ?? 0, 'entity', 'entities')}, ${plural(r.claims?.length ?? 0, 'claim')} ` +
        `in ${plural(r.groups?.length ?? 0, 'group')}.` +
        (leftOut.length ? ` Left out, its analysis failed (remove it to stop this message): ${leftOut.join('; ')}.` : ''),
    );
  }

  /** Renders the current view, then reports `ready` with `message` (unless superseded). */
  async function showResults(message) {
    app.setStatus('busy', 'Showing the results…');
    const done = await app.renderResults();
    if (!done) return;
    app.setProgress(false);
    app.setStatus('ready', message);
    // the form folds away once, unless the reader is in the middle of pasting an article
    if (state.view && (state.reveal || !app.folded) && $('add-fold') && !$('paste-text')?.value) {
      $('add-fold').open = false;
      app.folded = true;
    }
    if (app.pendingHash) {
      const wanted = app.pendingHash;
      app.pendingHash = null;
      app.applyHash(wanted);
    } else if (state.reveal && state.view && !viewOnly) revealResults();
    state.reveal = false;
  }

  /** Moves focus (and the window) to the digest. */
  function revealResults() {
    const heading = $('digest-heading') ?? $('results');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }

  function formatChars(n) {
    return n < 10_000 ? `${n.toLocaleString('en')} characters` : `${Math.round(n / 1000).toLocaleString('en')} thousand characters`;
  }

  return { analyse, showResults, revealResults, formatChars };
}
