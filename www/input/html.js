// @ts-check
// HTML to article text, safely.
//
// The HTML is parsed with DOMParser into a separate, inert document: DOMParser runs no script,
// loads no image and fires no event handler, and the parsed nodes are never inserted into the
// live page. Before that, input/strip.js drops script and style elements and on…=/style=
// attributes from the string: not for safety (DOMParser is the boundary) but because Chromium
// would log every one of them as a Content-Security-Policy violation while parsing. Mozilla Readability (the Firefox Reader View library, loaded from
// pkg/vendor/readability.js) then picks the article out of the page chrome. The result is turned
// into plain text with paragraphs separated by a blank line, the headline first, because that is
// what the analysis reads as a news article.

import { stripActiveMarkup } from './strip.js';

let readabilityModule = null;

function loadReadability() {
  readabilityModule ??= import('../pkg/vendor/readability.js');
  return readabilityModule;
}

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS',
  'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'HEAD', 'TITLE', 'MATH',
]);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Plain text of `root`: one paragraph per block element, whitespace collapsed inside it. */
export function blockText(root) {
  const paragraphs = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) paragraphs.push(line);
    current = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        current += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
        }
      }
    }
  };
  if (root) walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** `{title, text}` of an HTML page (`text` starts with the title when one was found). */
export async function htmlToArticle(html) {
  const parser = new DOMParser();
  const doc = parser.parseFromString(stripActiveMarkup(html), 'text/html');
  const pageTitle = (doc.title || '').replace(/\s+/g, ' ').trim();
  let title = pageTitle;
  let body = '';
  const { Readability } = await loadReadability();
  // Readability changes the document it is given: hand it a copy, keep `doc` for the fallback.
  const article = new Readability(doc.cloneNode(true)).parse();
  if (article && article.content) {
    const content = parser.parseFromString(article.content, 'text/html');
    body = blockText(content.body);
    title = (article.title || '').replace(/\s+/g, ' ').trim() || pageTitle;
  }
  if (!body) body = blockText(doc.body);
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { title, text: body ? text : '' };
}
