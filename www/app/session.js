// @ts-check
// The loaded articles as a session: adding, renaming and removing articles, asking before the
// samples replace the reader's own, and keeping it all (with the draft being pasted) in the
// store so that a reload or another tab finds it again. Split from app.js so that what the
// page holds, and how it is kept, reads in one place.

import { el, plural, replace } from '../dom.js';
import { validEdit } from '../render/edits.js';

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createSession(app) {
  const { $, state, viewOnly } = app;

  function addArticles(items) {
    // a reader's own article added to the samples: ask (without a modal) whether to compare
    // only their own articles, so it is never silently compared with the samples
    const onlySamples = state.articles.length > 0 && state.articles.every((a) => a.origin === 'demo');
    const own = items.filter((i) => !['demo', 'url', 'report'].includes(i.origin)).length;
    if (onlySamples && own > 0) askAboutSamples();
    else if (!own || items.every((i) => i.origin === 'demo')) hideSamplesQuestion();
    for (const item of items) {
      state.articles.push({ id: `a${state.nextId++}`, name: item.name, text: item.text, origin: item.origin, url: item.url, hash: item.hash });
    }
    articlesChanged();
  }

  function askAboutSamples() {
    const box = $('samples-question');
    if (!box) return;
    const samples = state.articles.filter((a) => a.origin === 'demo').length;
    replace(
      box,
      el('span', { text: `Your article was added to the ${plural(samples, 'sample article')}. ` }),
      el('button', {
        type: 'button',
        class: 'secondary',
        text: 'Compare only my articles',
        onclick: () => {
          hideSamplesQuestion();
          state.articles = state.articles.filter((a) => a.origin !== 'demo');
          state.edits = [];
          state.selected = null;
          articlesChanged();
        },
      }),
      ' ',
      el('button', { type: 'button', class: 'link', text: 'Keep the samples too', onclick: hideSamplesQuestion }),
    );
    box.hidden = false;
  }

  function hideSamplesQuestion() {
    const box = $('samples-question');
    if (!box) return;
    box.hidden = true;
    replace(box);
  }

  function removeArticle(id) {
    state.articles = state.articles.filter((a) => a.id !== id);
    articlesChanged();
    $('list-heading').focus();
  }

  function renameArticle(id, name) {
    const article = state.articles.find((a) => a.id === id);
    if (!article) return;
    article.name = name.trim() || article.name;
    app.renderList();
    persist();
    if (state.view) app.renderResults();
  }

  function currentName(id, fallback) {
    return state.articles.find((a) => a.id === id)?.name ?? fallback;
  }

  /** After any change of the article set: forget an imported report, save, re-analyse. */
  function articlesChanged() {
    state.version++;
    state.reveal = state.articles.length > 0;
    if (state.imported) {
      state.imported = null;
      const missing = state.articles.filter((a) => a.missing);
      if (missing.length) {
        state.articles = state.articles.filter((a) => !a.missing);
        app.showMessage('info', `${plural(missing.length, 'article')} from the imported report had no text and ${missing.length === 1 ? 'was' : 'were'} left out of the new analysis.`);
      }
    }
    app.renderList();
    persist();
    app.analyse();
  }

  function persist() {
    if (!app.store) return;
    const session = {
      version: 1,
      articles: state.articles.map(({ id, name, text, origin, missing, url, hash }) => ({ id, name, text, origin, missing: Boolean(missing), url, hash })),
      nextId: state.nextId,
      pasteCount: state.pasteCount,
      imported: state.imported,
      edits: state.edits,
      preload: state.preload,
      // the article being pasted and not yet added: a reload keeps it
      draft: viewOnly ? null : { text: $('paste-text')?.value ?? '', name: $('paste-name')?.value ?? '' },
    };
    app.store.save(session).then(
      (result) => {
        app.storageWarned = false;
        // articles another tab saved meanwhile: taken in, so neither tab loses its work
        const others = result?.others ?? [];
        if (others.length) {
          app.showMessage('note', `Kept ${plural(others.length, 'article')} saved in another tab: ${others.map((a) => a.name).join(', ')}.`);
          addArticles(others.map(({ name, text, origin }) => ({ name, text, origin })));
        }
      },
      (err) => {
        console.warn('corroborate: the articles could not be saved:', err?.message ?? err);
        if (app.storageWarned) return;
        app.storageWarned = true;
        app.showMessage('note', `Your articles could not be saved in this browser (${err?.message ?? err}); they will be lost when the page is closed.`);
      },
    );
  }

  /** Puts back the article that was being pasted when the page was left (see `persist`). */
  function restoreDraft(draft) {
    if (viewOnly || !draft || typeof draft.text !== 'string' || typeof draft.name !== 'string') return;
    if (!$('paste-text').value) $('paste-text').value = draft.text;
    if (!$('paste-name').value) $('paste-name').value = draft.name;
  }

  async function restore(session) {
    state.articles = session.articles
      .filter((a) => a && typeof a.text === 'string' && typeof a.name === 'string')
      .map((a) => ({ id: a.id, name: a.name, text: a.text, origin: a.origin ?? 'paste', missing: Boolean(a.missing), url: a.url, hash: a.hash }));
    state.nextId = Math.max(Number(session.nextId) || 1, state.articles.length + 1);
    state.pasteCount = Number(session.pasteCount) || 0;
    state.edits = Array.isArray(session.edits) ? session.edits.filter(validEdit) : [];
    state.preload = Array.isArray(session.preload) ? session.preload : null;
    if (session.imported) {
      state.imported = session.imported;
      app.renderList();
      await app.showImported();
      return;
    }
    app.renderList();
    await app.analyse();
  }

  return { addArticles, askAboutSamples, hideSamplesQuestion, removeArticle, renameArticle, currentName, articlesChanged, persist, restoreDraft, restore };
}
