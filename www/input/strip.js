// @ts-check
// Removes the parts of an HTML string that a Content-Security-Policy would report while the page
// parses it: `<script>` and `<style>` elements, and `on…=` (event handler) and `style=`
// attributes. It is NOT the security boundary: DOMParser is (it builds an inert document that
// runs no script, loads nothing and fires no handler, and nothing from it reaches the live page).
// Without this pass Chromium still checks the page's policy for every handler and inline style
// it meets while parsing (and again when Readability clones or rewrites that document) and logs
// each one as a violation, although none of them would ever run.
//
// Approach: one left-to-right pass that follows the HTML tokenizer closely enough for this job.
// - `<!-- … -->`, `<! … >` and `<? … >` are copied through untouched;
// - a start or end tag (`<` or `</` followed by a letter) is read attribute by attribute, quoted
//   and unquoted values included, and rebuilt without the unwanted attributes;
// - the contents of raw-text elements are copied without looking for tags in them (`textarea`,
//   `title`, `xmp`, `iframe`, `noembed`, `noframes`; `plaintext` runs to the end), except
//   `script` and `style`, which are dropped with their contents;
// - anything else is text and copied as it is.
// A malformed document may come out differently than a browser would parse it; at worst some
// markup is dropped or a violation is still logged. Nothing here decides what is safe.

const DROP = new Set(['script', 'style']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const SPACE = new Set([' ', '\t', '\n', '\f', '\r']);

/** True for attributes removed from every tag: event handlers and inline styles. */
function unwanted(name) {
  const n = name.toLowerCase();
  return n.startsWith('on') || n === 'style';
}

/** Index just past the end of the comment or markup declaration starting at `i`. */
function skipDeclaration(html, i) {
  if (html.startsWith('<!--', i)) {
    if (html.startsWith('<!-->', i)) return i + 5;
    if (html.startsWith('<!--->', i)) return i + 6;
    const end = html.indexOf('-->', i + 4);
    return end < 0 ? html.length : end + 3;
  }
  const end = html.indexOf('>', i + 2);
  return end < 0 ? html.length : end + 1;
}

/**
 * Reads the tag starting at `i` (`<` then an optional `/` then a letter). Returns
 * `{end, name, closing, text}` where `text` is the tag rebuilt without unwanted attributes.
 */
function readTag(html, i) {
  const n = html.length;
  let j = i + 1;
  const closing = html[j] === '/';
  if (closing) j++;
  const nameStart = j;
  while (j < n && !SPACE.has(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
  const name = html.slice(nameStart, j).toLowerCase();
  let out = html.slice(i, j);
  for (;;) {
    // before an attribute name: whitespace and stray slashes
    const gapStart = j;
    while (j < n && (SPACE.has(html[j]) || html[j] === '/')) j++;
    if (j >= n) return { end: n, name, closing, text: out };
    if (html[j] === '>') {
      out += html.slice(gapStart, j + 1);
      return { end: j + 1, name, closing, text: out };
    }
    const attrStart = j;
    // an attribute name may start with `=`; it ends at whitespace, `/`, `>` or `=`
    j++;
    while (j < n && !SPACE.has(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
    const attrName = html.slice(attrStart, j);
    let k = j;
    while (k < n && SPACE.has(html[k])) k++;
    if (html[k] === '=') {
      k++;
      while (k < n && SPACE.has(html[k])) k++;
      const quote = html[k];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, k + 1);
        k = close < 0 ? n : close + 1;
      } else {
        while (k < n && !SPACE.has(html[k]) && html[k] !== '>') k++;
      }
      j = k;
    }
    if (!unwanted(attrName)) out += html.slice(gapStart, j);
  }
}

/** Index of the end tag `</name` that closes a raw-text element, or -1. */
function findEndTag(html, name, from) {
  const lower = html.toLowerCase();
  let at = from;
  for (;;) {
    at = lower.indexOf(`</${name}`, at);
    if (at < 0) return -1;
    const after = lower[at + 2 + name.length];
    if (after === undefined || after === '>' || after === '/' || SPACE.has(after)) return at;
    at += 2;
  }
}

/** The HTML string without script and style elements, event handler and style attributes. */
export function stripActiveMarkup(html) {
  const s = String(html);
  const n = s.length;
  const parts = [];
  let i = 0;
  let textStart = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const next = s[lt + 1];
    if (next === '!' || next === '?') {
      i = skipDeclaration(s, lt);
      continue;
    }
    const letterAt = next === '/' ? lt + 2 : lt + 1;
    if (!/[A-Za-z]/.test(s[letterAt] ?? '')) {
      i = lt + 1;
      continue;
    }
    parts.push(s.slice(textStart, lt));
    const tag = readTag(s, lt);
    i = tag.end;
    if (tag.closing) {
      if (!DROP.has(tag.name)) parts.push(tag.text);
    } else if (tag.name === 'plaintext') {
      parts.push(tag.text, s.slice(i));
      return parts.join('');
    } else if (RAW.has(tag.name)) {
      const close = findEndTag(s, tag.name, i);
      const contentEnd = close < 0 ? n : close;
      if (!DROP.has(tag.name)) parts.push(tag.text, s.slice(i, contentEnd));
      i = contentEnd;
      if (close >= 0) {
        const end = readTag(s, close);
        if (!DROP.has(tag.name)) parts.push(end.text);
        i = end.end;
      }
    } else {
      parts.push(tag.text);
    }
    textStart = i;
  }
  parts.push(s.slice(textStart));
  return parts.join('');
}
