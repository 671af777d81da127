// Turns user input (picked or dropped files, pasted text) into articles `{name, text}`, or into a
// clear message saying why not. One bad file never stops the others: every file gets its own
// result.
//
// Rules, in the order they are checked:
// - a file must look like text: a `.txt`, `.md`/`.markdown` or `.html`/`.htm` name, or a `text/*`
//   type (anything else: "not a text file");
// - at most MAX_FILE_BYTES (5 MB) per file or paste, checked before the file is read;
// - no NUL byte and few control characters (a binary file renamed to .txt);
// - valid UTF-8 (decoded with a fatal TextDecoder, so nothing is silently replaced by U+FFFD),
//   or UTF-16 when the file starts with a UTF-16 byte order mark;
// - HTML is reduced to its article text (input/html.js); no script in it ever runs;
// - something must be left after trimming whitespace.

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

class InputError extends Error {}

/** NUL anywhere, or more than 10 % control characters in the first 8 KB: not text. */
function looksBinary(bytes) {
  if (bytes.includes(0)) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // tab, line feed, form feed, carriage return and escape are normal in text files
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control > n * 0.1;
}

/** Bytes to string: UTF-16 with a BOM, else strict UTF-8 (a UTF-8 BOM is dropped). */
export function decodeText(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
  }
  if (looksBinary(bytes)) {
    throw new InputError('looks like a binary file, not text: only .txt, .md and .html articles can be read');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('is not valid UTF-8 text: save it with UTF-8 encoding and try again');
  }
}

/**
 * Reads one File. Resolves (never rejects) with `{ok: true, name, text, kind}` or
 * `{ok: false, name, message}`; `message` starts with the file name.
 */
export async function readArticleFile(file) {
  const name = file.name || 'unnamed file';
  const fail = (why) => ({ ok: false, name, message: `${name}: ${why}` });
  const ext = extension(name);
  const isHtml = HTML_EXT.has(ext) || (ext === '' && file.type === 'text/html');
  const isText = TEXT_EXT.has(ext) || (!isHtml && !HTML_EXT.has(ext) && file.type.startsWith('text/'));
  if (!isHtml && !isText) {
    return fail('is not a text file: only .txt, .md and .html articles can be read');
  }
  if (file.size > MAX_FILE_BYTES) {
    return fail(`is too large (${formatBytes(file.size)}); the limit is ${MAX_FILE_LABEL} per file`);
  }
  let text;
  try {
    text = decodeText(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    if (err instanceof InputError) return fail(err.message);
    return fail(`could not be read (${err.message})`);
  }
  let kind = 'text';
  if (isHtml) {
    kind = 'html';
    try {
      text = (await htmlToArticle(text)).text;
    } catch (err) {
      return fail(`could not be read as HTML (${err.message})`);
    }
    if (!text.trim()) return fail('has no article text in it');
  }
  if (!text.trim()) return fail('is empty');
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
