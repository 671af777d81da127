// The analysis worker's protocol (www/worker.js, www/client.js), written by hand: what the page
// posts to the worker and what the worker answers. Every request is `{type, id, ...}`; every
// reply is `{id, kind, ...}` with the request's id: one `result` or one `error`, and before
// an `analyze`'s result any number of `progress` notices when the request asked for them.
import type { Article, Options } from './report';

export type WorkerRequest =
  | { type: 'analyze'; id: number; articles: Article[]; options?: Options; progress?: boolean }
  | { type: 'digest'; id: number; report: string }
  | { type: 'read'; id: number; bytes: ArrayBuffer }
  | { type: 'ready'; id: number }
  | { type: 'init'; id: number; wasm: ArrayBuffer };

/** An analysis: the report as one JSON string per top-level key, the digest's JSON, the time. */
export type AnalyzeResult = { parts: Record<string, string>; digest: string; ms: number };
/** The core's input check of a file: its text, and whether it was HTML. */
export type ReadResult = { text: string; html: boolean };
/** The digest (what differs) of an imported report, as the core's JSON. */
export type DigestResult = { digest: string };

/** What a `progress` notice says: stage `stage` (number `step` of `steps`) has `done` of `total` articles through it. */
export type Progress = { stage: string; step: number; steps: number; done: number; total: number };

export type WorkerReply =
  | ({ id: number; kind: 'result' } & (AnalyzeResult | ReadResult | DigestResult | {}))
  | { id: number; kind: 'error'; message: string }
  | ({ id: number; kind: 'progress' } & Progress);
