// @ts-check
// Cooperative rendering: long renders (a hundred article texts, thousands of claims) run in
// slices of a few milliseconds, yielding to the browser between slices so that input handlers
// run and frames are drawn. Layout is paid per frame for everything added since the last one,
// so where a step adds a lot of visible content at once (a big group of chips, the table's
// first rows) the job also waits for a painted frame before going on. A newer render cancels
// an older one.

/** Milliseconds of script per slice before the browser gets a frame. */
export const SLICE_MS = 10;

/** Lets the browser run input handlers and other tasks (and render, if a frame is due). */
export function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves after the browser has had a chance to render a frame: after the next animation
 * frame and the task that follows it. Hidden pages get no animation frames, so a timer stands in.
 * @returns {Promise<void>}
 */
export function nextFrame() {
  return new Promise(/** @param {(value: void) => void} resolve */ (resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 100);
  });
}

/**
 * A cancellable job: `await job.step()` between units of work yields to the browser once the
 * current slice has run SLICE_MS; `await job.frame()` waits for a painted frame now; `job.cancelled`
 * tells a superseded job to stop. Both resolve to false when the job was cancelled.
 */
export class Job {
  constructor() {
    this.cancelled = false;
    this.sliceStart = performance.now();
  }

  cancel() {
    this.cancelled = true;
  }

  async step() {
    if (this.cancelled) return false;
    if (performance.now() - this.sliceStart >= SLICE_MS) {
      await yieldToBrowser();
      this.sliceStart = performance.now();
    }
    return !this.cancelled;
  }

  async frame() {
    if (this.cancelled) return false;
    await nextFrame();
    this.sliceStart = performance.now();
    return !this.cancelled;
  }
}
