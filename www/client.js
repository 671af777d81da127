// A promise client for worker.js: `await analyzer.analyze(articles)` resolves with
// `{report, ms}` or rejects with an Error carrying the worker's message.

export class AnalyzerClient {
  constructor(url = new URL('./worker.js', import.meta.url)) {
    this.worker = new Worker(url, { type: 'module', name: 'corroborate' });
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

  /** Analyses `articles` (`[{name, text}]`); resolves with `{report, ms}`. */
  analyze(articles) {
    return this.#request({ type: 'analyze', articles });
  }

  terminate() {
    this.worker.terminate();
    this.#failAll(new Error('the analysis worker was stopped'));
  }

  #request(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
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
