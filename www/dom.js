// @ts-check
// Small DOM helpers shared by the render modules.
//
// Every piece of article text reaches the page through `textContent` or a text node: nothing in
// this app assigns HTML strings (no innerHTML, outerHTML, insertAdjacentHTML, document.write).
// tests/e2e/no-html-sinks.spec.js enforces that by reading the sources.

/**
 * Creates an element. `props`: `class`, `text` (textContent), `dataset` (object), `on<event>`
 * (listener), `value`/`checked`/`hidden`/`open`/`disabled` (properties), anything else an
 * attribute. Children: nodes or strings (strings become text nodes); null/false are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, PropValue>} [props]
 * @param {Children[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (PROPS.has(key)) Reflect.set(node, key, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/**
 * A value in `el`'s props: a string, number or flag, a listener (`on<event>`), or the dataset.
 * @typedef {string | number | boolean | null | undefined | ((event: any) => void) | Record<string, string>} PropValue
 */
/** `el`'s and `append`'s children: nodes, strings and numbers, nested arrays; null/false skipped. @typedef {Node | string | number | null | undefined | false | Children[]} Children */

const PROPS = new Set(['value', 'checked', 'hidden', 'open', 'disabled', 'indeterminate']);

/**
 * Appends nodes / strings (as text), flattening arrays and skipping null/false.
 * @template {Element | DocumentFragment} P
 * @param {P} parent
 * @param {Children[]} children
 * @returns {P}
 */
export function append(parent, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Replaces all children of `parent`.
 * @template {Element | DocumentFragment} P
 * @param {P} parent
 * @param {Children[]} children
 * @returns {P}
 */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Text only screen readers announce (visually hidden). */
export function srOnly(text) {
  return el('span', { class: 'sr-only', text });
}

/**
 * Renders `text` (which starts at offset `base` of its document) with `ranges` highlighted.
 *
 * `ranges`: `{start, end, tag, className, title, data, tokens}` in the document's UTF-16 offsets,
 * exactly as the report gives them; they may overlap and may run past the text (they are
 * clipped). Each stretch of text covered by the same set of ranges becomes one element (`<mark>`
 * when any covering range asks for it, else `<span>`), so overlapping ranges never nest or
 * cross. `data` is copied into the element's dataset; `tokens` (`{key: token}`) are collected
 * from every covering range into a space-separated dataset value, so `[data-key~="token"]`
 * finds every piece of a range. Only `String.prototype.slice` with the report's offsets is
 * used: no offset is recomputed.
 */
export function markedText(text, base, ranges) {
  const frag = document.createDocumentFragment();
  const end = base + text.length;
  const live = ranges.filter((r) => r.end > r.start && r.start < end && r.end > base);
  if (live.length === 0) {
    frag.append(document.createTextNode(text));
    return frag;
  }
  const cuts = new Set([base, end]);
  for (const r of live) {
    cuts.add(Math.max(base, r.start));
    cuts.add(Math.min(end, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // sweep: ranges enter in start order and leave once the piece starts at or after their end
  live.sort((a, b) => a.start - b.start);
  let next = 0;
  let active = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    while (next < live.length && Math.max(base, live[next].start) <= a) active.push(live[next++]);
    active = active.filter((r) => r.end > a);
    const piece = text.slice(a - base, b - base);
    if (active.length === 0) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const tag = active.some((r) => r.tag === 'mark') ? 'mark' : 'span';
    const node = document.createElement(tag);
    const classes = active.map((r) => r.className).filter(Boolean);
    if (classes.length) node.className = classes.join(' ');
    const titles = active.map((r) => r.title).filter(Boolean);
    if (titles.length) node.title = titles.join('; ');
    let tokens = null;
    for (const r of active) {
      if (r.data) Object.assign(node.dataset, r.data);
      if (r.tokens) {
        tokens ??= {};
        for (const [key, token] of Object.entries(r.tokens)) (tokens[key] ??= []).push(token);
      }
    }
    if (tokens) for (const [key, list] of Object.entries(tokens)) node.dataset[key] = list.join(' ');
    node.textContent = piece;
    frag.append(node);
  }
  return frag;
}

/**
 * True when `span` (`{start, end, text}`) slices back to its own text in `docText`: the report
 * contract promises it, and a span that does not is skipped rather than drawn in the wrong place.
 */
export function spanFits(docText, span) {
  return (
    span != null &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start <= span.end &&
    span.end <= docText.length &&
    (span.text == null || docText.slice(span.start, span.end) === span.text)
  );
}

/** "1 article" / "3 articles". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
