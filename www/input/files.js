// @ts-check
// Turns user input (picked or dropped files, pasted text) into articles `{name, text}`, or into a
// clear message saying why not. One bad file never stops the others: every file gets its own
// result.
//
// Rules, in the order they are checked:
// - a file must look like text: a `.txt`, `.md`/`.markdown` or `.html`/`.htm` name, or a `text/*`
//   type (anything else: "not a text file");
// - the core's input check (`input::read` in src/input.rs, run in the worker: the check the CLI
//   runs, so a file is refused for the same reason in the same words): at most 5 MB (only the
//   first 5 MB and one byte are read), no NUL byte and few control characters, valid UTF-8 or
//   UTF-16 after a byte order mark (a lone surrogate refused), not empty;
// - HTML (by its name or, as the core sees it, by its content) is reduced to its article text
//   (input/html.js); no script in it ever runs;
// - something must be left after that.

import { htmlToArticle } from './html.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_LABEL = '5 MB';
export const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

const TEXT_EXT = new Set(['txt', 'text', 'md', 'markdown']);
const HTML_EXT = new Set(['html', 'htm']);

function extension(name) {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads one File; `read(bytes)` is the core's input check (`AnalyzerClient.read`: an
 * ArrayBuffer in, `{text, html}` out, or a rejection with the core's message). Resolves (never
 * rejects) with `{ok: true, name, text, kind}` or `{ok: false, name, message}`; `message`
 * starts with the file name.
 */
export async function readArticleFile(file, read) {
  const name = file.name || 'unnamed file';
  const fail = (why) => ({ ok: false, name, message: `${name}: ${why}` });
  const ext = extension(name);
  const htmlByName = HTML_EXT.has(ext) || (ext === '' && file.type === 'text/html');
  const isText = TEXT_EXT.has(ext) || (!htmlByName && !HTML_EXT.has(ext) && file.type.startsWith('text/'));
  if (!htmlByName && !isText) {
    return fail('is not a text file: only .txt, .md and .html articles can be read');
  }
  let bytes;
  try {
    // one byte over the limit is enough for the core to say the file is too large
    bytes = await file.slice(0, MAX_FILE_BYTES + 1).arrayBuffer();
  } catch (err) {
    return fail(`could not be read (${err.message})`);
  }
  let checked;
  try {
    checked = await read(bytes);
  } catch (err) {
    return fail(err.message);
  }
  let { text } = checked;
  let kind = 'text';
  if (htmlByName || checked.html) {
    kind = 'html';
    try {
      text = (await htmlToArticle(text)).text;
    } catch (err) {
      return fail(`could not be read as HTML (${err.message})`);
    }
    if (!text.trim()) return fail('has no article text in it');
  }
  return { ok: true, name, text, kind };
}

/** Checks pasted text: `{ok: true, text}` or `{ok: false, message}`. */
export function checkPastedText(text) {
  if (!text.trim()) return { ok: false, message: 'Nothing to add: paste the text of an article first.' };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `The pasted text is too large (${formatBytes(bytes)}); the limit is ${MAX_FILE_LABEL} per article.`,
    };
  }
  return { ok: true, text };
}
