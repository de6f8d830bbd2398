import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';

/**
 * The web role's signing secret: PAPERSIFT_SECRET when set, else a random 32-byte secret kept in
 * `<dataDir>/secret` (created once, mode 600), so tokens stay valid across restarts.
 */
export function loadOrCreateSecret(config: Pick<Config, 'secret' | 'dataDir'>): Buffer {
  if (config.secret) return Buffer.from(config.secret);
  const file = join(config.dataDir, 'secret');
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
