// The 100-article input shared by the default-suite test (hundred.spec.js) and the benchmark
// (perf.spec.js): the five sample articles (seeds/*.txt), twenty edited copies of each, and a
// helper that drops them on the page in one go, as a reader dropping a folder of files would.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** 20 copies of each seed, each edited a little: a tag in the headline, a number, a word. */
export function hundredArticles() {
  const texts = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(path.join(seeds, n), 'utf8'));
  const out = [];
  for (let copy = 0; copy < 20; copy++) {
    texts.forEach((text, i) => {
      let edited = text.replace(/^(.+)$/m, (line) => `${line} (edition ${copy + 1})`);
      edited = edited.replace(/\b(\d{2,})\b/, (n) => String(Number(n) + copy));
      if (copy % 2) edited = edited.replace(/\bsaid\b/, 'stated');
      out.push({ name: `copy${copy + 1}-seed${i + 1}.txt`, text: edited });
    });
  }
  return out;
}

/** Drops `articles` (`[{name, text}]`) on the page's drop zone as .txt files, all at once. */
export async function dropArticles(page, articles) {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const a of list) transfer.items.add(new File([a.text], a.name, { type: 'text/plain' }));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, articles);
}
