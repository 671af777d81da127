// @ts-check
// <corroborate-widget>: the whole app as one custom element, added to any page on this origin
// with one module script tag:
//
//   <script type="module" src="/widget.js"></script>
//   <corroborate-widget articles="a.txt b.html" height="640" theme="dark"></corroborate-widget>
//
// Attributes:
// - `articles`: space-separated article URLs, relative to the page, on the page's own origin
//   (.txt, .md or .html; HTML is reduced to its article text); loaded and analysed at start;
// - `height`: the widget's height (a number of pixels or a CSS length); the widget scrolls
//   inside it, the digest at the top. Without it the widget is as tall as its content;
// - `theme`: `light`, `dark` or `auto` (the default: the system's preference);
// - `storage-key`: the name under which this widget keeps its session (default: the element's
//   `id`, else the page's path and the widget's position among the page's widgets);
// - `persist="off"`: keep nothing in the browser's storage;
// - `mode="view"`: for a newspaper's readers: the digest and the results only, with no paste
//   box, file pickers, sample or remove buttons and no chip editing (read once at start); the
//   finished analysis moves neither focus nor the host page's scroll position.
//
// Everything renders into an open shadow root with the page's stylesheet linked inside it, so
// the host page's CSS cannot reach in (style.css resets what inherits through the host).
//
// Persistence: like the page, each widget keeps its articles, their names and the reader's
// merges and splits in IndexedDB (database `corroborate-widget`, one record per storage key, on
// the host page's origin), so a reload shows what the reader left. The `articles` URLs load on
// the first visit; after that the saved session (which holds them, with any change the reader
// made) is shown instead, as long as the attribute lists the same URLs; each of its URL
// articles is fetched again first (`cache: 'no-cache'`: a 304 when unchanged) and one whose text
// hash (SHA-256) differs from the saved one replaces the saved text, under the reader's name
// for it and with the reader's entity edits (those that no longer name an entity are skipped
// with a note). When the host page
// changes the list, the new URLs load and replace the saved session. Two widgets on one page
// need different keys (give them ids) or they would share a session.
import { createApp } from './app.js';
import { buildLayout } from './layout.js';
import { openStore } from './store.js';

/** The IndexedDB database that holds every widget's session (one record per storage key). */
export const WIDGET_DB = 'corroborate-widget';

const STYLE_URL = new URL('./style.css', import.meta.url);

/** `600` → `600px`; a valid CSS length as it is; anything else → null. */
export function widgetHeight(value) {
  const v = String(value ?? '').trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  return globalThis.CSS?.supports?.('height', v) ? v : null;
}

/**
 * The key of `element`'s saved session: its `storage-key` attribute, else its id, else the
 * page's path with the widget's position among the page's widgets. Null when `persist="off"`.
 */
export function storageKey(element) {
  if ((element.getAttribute('persist') ?? '').trim().toLowerCase() === 'off') return null;
  const explicit = (element.getAttribute('storage-key') ?? '').trim() || element.id.trim();
  if (explicit) return explicit;
  const all = [...document.querySelectorAll('corroborate-widget')];
  return `${location.pathname}#${Math.max(0, all.indexOf(element))}`;
}

export class CorroborateWidget extends HTMLElement {
  static observedAttributes = ['height', 'theme', 'articles'];

  #app = null;

  connectedCallback() {
    if (this.#app) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLE_URL.href;
    const view = (this.getAttribute('mode') ?? '').trim().toLowerCase() === 'view';
    const layout = buildLayout({ compact: true, view });
    // shown once styled, so the unstyled tree never flashes
    layout.hidden = true;
    const show = () => {
      layout.hidden = false;
    };
    link.addEventListener('load', show, { once: true });
    link.addEventListener('error', show, { once: true });
    shadow.append(link, layout);
    this.#applyHeight();
    const key = storageKey(this);
    this.#app = createApp(shadow, {
      dropTarget: this,
      mode: view ? 'view' : 'edit',
      store: key ? openStore(WIDGET_DB, key) : null,
      stateElements: [layout, this],
      themeTargets: [layout],
      theme: this.getAttribute('theme') ?? 'auto',
      onTheme: (theme) => this.setAttribute('theme', theme),
      preload: this.#urls(),
    });
    this.#app.start();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#app || oldValue === newValue) return;
    if (name === 'height') this.#applyHeight();
    else if (name === 'theme') this.#app.setTheme(newValue);
    else if (name === 'articles') {
      const urls = this.#urls();
      if (urls.length) this.#app.loadUrls(urls);
    }
  }

  #urls() {
    return (this.getAttribute('articles') ?? '').split(/\s+/).filter(Boolean);
  }

  #applyHeight() {
    const height = widgetHeight(this.getAttribute('height'));
    if (this.hasAttribute('height') && !height) console.warn(`corroborate-widget: ignoring height="${this.getAttribute('height')}" (not a CSS length)`);
    this.style.setProperty('height', height ?? '');
  }

  /** The app's controller (`loadUrls`, `addArticles`, `state`...), for scripts on the host page. */
  get app() {
    return this.#app;
  }
}

if (!customElements.get('corroborate-widget')) customElements.define('corroborate-widget', CorroborateWidget);
