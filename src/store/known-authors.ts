import type { AuthorName } from '../core/paper.js';

/**
 * Author keys a batch writer has already written during the current ingest run, so later
 * batches skip re-inserting them (most authorships name an author seen before). Scoped to
 * one run and bounded, so a long-lived process neither trusts stale keys nor grows without
 * limit. Keys are remembered only after their transaction commits.
 */
export class KnownAuthors {
  #runId = -1;
  #keys = new Set<string>();
  readonly #max: number;

  /** @param max Keys kept before the cache starts over. @default 500_000 */
  constructor(max = 500_000) {
    this.#max = max;
  }

  /** Switches to `runId`, forgetting everything when it differs from the last run or the cache is full. */
  forRun(runId: number): this {
    if (runId !== this.#runId || this.#keys.size > this.#max) {
      this.#runId = runId;
      this.#keys = new Set();
    }
    return this;
  }

  /** The (key, first name seen) pairs among `authors` not yet known, in order, each key once. */
  unseen(authors: Iterable<AuthorName>): [string, string][] {
    const out = new Map<string, string>();
    for (const a of authors) if (!this.#keys.has(a.key) && !out.has(a.key)) out.set(a.key, a.name);
    return [...out];
  }

  /** Records keys whose insert has committed. */
  remember(pairs: Iterable<[string, string]>): void {
    for (const [key] of pairs) this.#keys.add(key);
  }
}
