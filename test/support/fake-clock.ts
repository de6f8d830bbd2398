import type { Clock } from '../../src/ingest/http.js';

/** Fake time for sources and the HTTP client: `now` advances only by sleeping, and every sleep is recorded. */
export class FakeClock implements Clock {
  t: number;
  readonly sleeps: number[] = [];

  /** Starts at `start` (ms since the epoch). @default 2023-11-14T22:13:20Z */
  constructor(start = 1_700_000_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }
}
