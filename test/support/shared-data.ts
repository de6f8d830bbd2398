import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Paths into `../shared/data` (beside the repository). Tests and benchmarks read the real data
 * from there; nothing from it is committed here.
 */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Absolute path of a file under shared/data; throws a clear error when the folder is missing. */
export function sharedData(relative: string): string {
  const p = `${SHARED_DATA}${relative}`;
  if (!existsSync(p)) throw new Error(`shared data file missing: ${p} (tests expect ../shared beside the repository)`);
  return p;
}
