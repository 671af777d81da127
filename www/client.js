// @ts-check
// A promise client for worker.js: `await analyzer.analyze(articles, options)` resolves with
// `{report, digest, ms}` or rejects with an Error carrying the worker's message (the worker's
// `{id, kind: 'result' | 'error' | 'progress'}` replies, matched to requests by id);
// `analyze(articles, options, {onProgress})` also calls `onProgress({stage, step, steps, done,
// total})` with the worker's `progress` notices while it runs (see worker.js).
//
// Recovery: a worker whose analysis failed is never used again (a wasm trap leaves its
// instance broken, and every later analysis failed too until a reload): the client terminates
// it and starts a fresh one (handing it the wasm binary again when `init` gave one).
// `analyzeSkipping` finds which article made an analysis fail by analysing each alone, then
// analyses the others and says which were left out; `cancel()` stops a running analysis the
// same way (terminate, restart).
import { yieldToBrowser } from './schedule.js';

/** @import { Article, Options, Report } from '../types/report.js' */
/** @import { AnalyzeResult, DigestResult, Progress, ReadResult, WorkerReply, WorkerRequest } from '../types/worker.js' */

/**
 * `Omit` over each member of a union (a request before its id is given).
 * @template T, K
 * @typedef {T extends unknown ? Omit<T, K & keyof T> : never} DistributiveOmit
 */
/**
 * An error from the client: `cancelled` when `cancel()` stopped the analysis, `restarted` when
 * the worker was replaced because of it.
 * @typedef {Error & {cancelled?: boolean, restarted?: boolean}} ClientError
 */

export class AnalyzerClient {
  /**
   * `source`: the worker script's URL (default: worker.js beside this module) or a Worker.
   * @param {URL | string | Worker} [source]
   */
  constructor(source = new URL('./worker.js', import.meta.url)) {
    this.source = source instanceof Worker ? new URL('./worker.js', import.meta.url) : source;
    this.pending = new Map();
    this.nextId = 1;
    this.wasm = null;
    this.#attach(source instanceof Worker ? source : this.#spawn());
  }

  #spawn() {
    return new Worker(this.source, { type: 'module', name: 'corroborate' });
  }

  #attach(worker) {
    this.worker = worker;
    worker.addEventListener('message', (event) => {
      if (this.worker === worker) this.#receive(event.data);
    });
    // A worker that fails to start (script missing, syntax error) or dies fails every pending
    // request, and is replaced.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (this.worker !== worker) return;
      this.#restart(new Error(`the analysis worker failed: ${event.message || 'could not start'}`));
    });
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.#failAll(new Error('the analysis worker sent a message that could not be read'));
    });
  }

  /**
   * Terminates the worker, fails what was pending with `err`, and starts a fresh worker.
   * @param {ClientError} err
   */
  #restart(err) {
    err.restarted = true;
    this.worker.terminate();
    this.#failAll(err);
    this.#attach(this.#spawn());
    if (this.wasm) {
      const copy = this.wasm.slice(0);
      this.#request({ type: 'init', wasm: copy }, [copy]).catch(() => {});
    }
  }

  /** Stops a running analysis: its promise rejects with an error whose `cancelled` is true. */
  cancel() {
    const err = /** @type {ClientError} */ (new Error('the analysis was cancelled'));
    err.cancelled = true;
    this.#restart(err);
  }

  /** Resolves once the wasm module is loaded. */
  ready() {
    return this.#request({ type: 'ready' });
  }

  /**
   * Gives the worker the wasm binary (an ArrayBuffer, transferred) instead of a fetch.
   * @param {ArrayBuffer} wasm
   */
  init(wasm) {
    // kept (a copy) to hand to a replacement worker after a failure
    this.wasm = wasm.slice(0);
    return this.#request({ type: 'init', wasm }, [wasm]);
  }

  /**
   * Analyses `articles` (`[{name, text}]`) with `options` (`{edits}`: the reader's merges and
   * splits, or undefined); resolves with `{report, ms}`. The report comes as one JSON string
   * per top-level key, parsed one per task (schedule.js `yieldToBrowser`). `onProgress`, when
   * given, hears `{stage, step, steps, done, total}` while the worker runs: stage `stage`
   * (number `step` of `steps`) has `done` of `total` articles through it.
   * @param {Article[]} articles
   * @param {Options} [options]
   * @param {{onProgress?: (progress: Progress) => void}} [how]
   */
  async analyze(articles, options = undefined, { onProgress } = {}) {
    /** @type {AnalyzeResult} */
    let reply;
    try {
      const message = { type: /** @type {const} */ ('analyze'), articles, options, progress: Boolean(onProgress) };
      reply = /** @type {AnalyzeResult} */ (await this.#request(message, [], onProgress));
    } catch (err) {
      // the instance may be broken (a trap): never reuse it
      if (!err.cancelled && !err.restarted) this.#restart(err);
      throw err;
    }
    /** @type {Record<string, unknown>} */
    const parts = {};
    for (const [key, json] of Object.entries(reply.parts)) {
      await yieldToBrowser();
      parts[key] = JSON.parse(json);
    }
    const report = /** @type {Report} */ (/** @type {unknown} */ (parts));
    return { report, digest: reply.digest ? JSON.parse(reply.digest) : null, ms: reply.ms };
  }

  /**
   * The core's input check of a file's bytes (an ArrayBuffer, transferred): resolves with
   * `{text, html}` or rejects with the check's message, worded as the CLI words it.
   */
  async read(bytes) {
    const { text, html } = /** @type {ReadResult} */ (await this.#request({ type: 'read', bytes }, [bytes]));
    return { text, html };
  }

  /** The core's digest (what differs) of a report object; resolves with the digest. */
  async digest(report) {
    const reply = /** @type {DigestResult} */ (await this.#request({ type: 'digest', report: JSON.stringify(report) }));
    return JSON.parse(reply.digest);
  }

  /**
   * `analyze`, and when it fails with several articles, each article alone to find the ones
   * that fail; the others are analysed together. Resolves with `{report, ms, skipped}`
   * (`skipped`: `[{index, name, message}]`, the articles left out, by input position) or rejects when every article fails
   * or the analysis was cancelled. `how.onProgress` hears the first and the last analysis,
   * not the one-article retries.
   */
  async analyzeSkipping(articles, options = undefined, how = {}) {
    try {
      return { ...(await this.analyze(articles, options, how)), skipped: [] };
    } catch (err) {
      if (err.cancelled || articles.length < 2) throw err;
    }
    const skipped = [];
    const good = [];
    for (const [index, article] of articles.entries()) {
      try {
        await this.analyze([article], options);
        good.push(article);
      } catch (err) {
        if (err.cancelled) throw err;
        skipped.push({ index, name: article.name, message: err.message });
      }
    }
    if (good.length === 0) throw new Error(`every article failed: ${skipped.map((s) => `${s.name} (${s.message})`).join('; ')}`);
    return { ...(await this.analyze(good, options, how)), skipped };
  }

  terminate() {
    this.worker.terminate();
    this.#failAll(new Error('the analysis worker was stopped'));
  }

  /**
   * Posts `message` with a fresh id; resolves with the worker's `result` reply, rejects with its
   * `error`'s message. `onProgress` hears the `progress` notices before it.
   * @param {DistributiveOmit<WorkerRequest, 'id'>} message
   * @param {Transferable[]} [transfer]
   * @param {(progress: Progress) => void} [onProgress]
   * @returns {Promise<WorkerReply>}
   */
  #request(message, transfer = [], onProgress = undefined) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  /** @param {WorkerReply} msg */
  #receive(msg) {
    const entry = msg && this.pending.get(msg.id);
    if (!entry) {
      console.warn('corroborate client: unexpected message from worker', msg);
      return;
    }
    if (msg.kind === 'progress') {
      // a notice before the request's one reply
      const { stage, step, steps, done, total } = msg;
      entry.onProgress?.({ stage, step, steps, done, total });
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === 'error') entry.reject(new Error(msg.message));
    else if (msg.kind === 'result') entry.resolve(msg);
    else entry.reject(new Error(`the analysis worker sent a reply of unknown kind: ${String(/** @type {{kind?: unknown}} */ (msg).kind)}`));
  }

  #failAll(err) {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }
}
