// A promise client for worker.js: `await analyzer.analyze(articles, options)` resolves with
// `{report, ms}` or rejects with an Error carrying the worker's message.
import { yieldToBrowser } from './schedule.js';

export class AnalyzerClient {
  /** `source`: the worker script's URL (default: worker.js beside this module) or a Worker. */
  constructor(source = new URL('./worker.js', import.meta.url)) {
    this.worker = source instanceof Worker ? source : new Worker(source, { type: 'module', name: 'corroborate' });
    this.pending = new Map();
    this.nextId = 1;
    this.worker.addEventListener('message', (event) => this.#receive(event.data));
    // A worker that fails to start (script missing, syntax error) fails every pending request.
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#failAll(new Error(`the analysis worker failed: ${event.message || 'could not start'}`));
    });
    this.worker.addEventListener('messageerror', () => {
      this.#failAll(new Error('the analysis worker sent a message that could not be read'));
    });
  }

  /** Resolves once the wasm module is loaded. */
  ready() {
    return this.#request({ type: 'ready' });
  }

  /** Gives the worker the wasm binary (an ArrayBuffer, transferred) instead of a fetch. */
  init(wasm) {
    return this.#request({ type: 'init', wasm }, [wasm]);
  }

  /**
   * Analyses `articles` (`[{name, text}]`) with `options` (`{edits}`: the reader's merges and
   * splits, or undefined); resolves with `{report, ms}`. The report comes as one JSON string
   * per top-level key, parsed one per task (schedule.js `yieldToBrowser`).
   */
  async analyze(articles, options = undefined) {
    const reply = await this.#request({ type: 'analyze', articles, options, format: 'parts' });
    if (reply.report) return { report: reply.report, ms: reply.ms };
    const report = {};
    for (const [key, json] of Object.entries(reply.parts)) {
      await yieldToBrowser();
      report[key] = JSON.parse(json);
    }
    return { report, ms: reply.ms };
  }

  terminate() {
    this.worker.terminate();
    this.#failAll(new Error('the analysis worker was stopped'));
  }

  #request(message, transfer = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  #receive(msg) {
    const entry = msg && this.pending.get(msg.id);
    if (!entry) {
      console.warn('corroborate client: unexpected message from worker', msg);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'error') entry.reject(new Error(msg.message));
    else entry.resolve(msg);
  }

  #failAll(err) {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }
}
