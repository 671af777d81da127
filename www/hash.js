// @ts-check
// The reader's place in the URL hash, so that Back, Forward and reload return to it: which
// relations the claim table shows, its kind, article and entity filters and order, the
// highlighted chip, how the article texts are shown, and the claim whose sentence is shown
// ("Show in text"). Only values that differ from the defaults are written, as URL search
// parameters after `#` (`#rel=conflict.reworded&chip=e4&view=single&doc=2`). Ids are the
// report's (entity and claim ids are stable for the same articles and edits).

const KEYS = ['rel', 'kind', 'article', 'entity', 'sort', 'chip', 'view', 'doc', 'at'];

/** `#…` → `{rel?: string[], kind?, article?, entity?, sort?, chip?, view?, doc?: number, at?}`. */
export function readHash(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const out = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value == null) continue;
    if (key === 'rel') out.rel = value ? value.split('.') : [];
    else if (key === 'doc') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 0) out.doc = n;
    } else out[key] = value;
  }
  return out;
}

/**
 * The hash for `place` (the keys `readHash` returns; `rel` is written only when it differs
 * from `shownAtFirst`, the relations the table shows by default, `sort` only when not `carried`, `view` only when not `stack`, `doc` only
 * with the one-at-a-time view). Returns '' when everything is at its default.
 */
export function writeHash(place, shownAtFirst) {
  const params = new URLSearchParams();
  const rel = place.rel ?? shownAtFirst;
  if (rel.length !== shownAtFirst.length || !shownAtFirst.every((r) => rel.includes(r))) params.set('rel', [...rel].sort().join('.'));
  for (const key of ['kind', 'article', 'entity']) if (place[key]) params.set(key, place[key]);
  if (place.sort && place.sort !== 'carried') params.set('sort', place.sort);
  if (place.chip) params.set('chip', place.chip);
  if (place.view && place.view !== 'stack') {
    params.set('view', place.view);
    if (place.view === 'single' && place.doc != null) params.set('doc', String(place.doc));
  }
  if (place.at) params.set('at', place.at);
  const text = params.toString();
  return text ? `#${text}` : '';
}
