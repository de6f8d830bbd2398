import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SourceError, ValidationError } from '../../core/errors.js';

/**
 * Loading `@huggingface/transformers` models: telling a model directory from a Hub name,
 * setting the library's (global) environment for one load at a time, and turning "the Hub
 * cannot be reached / the model is not cached" into a {@link ModelUnavailableError}. The
 * library is imported dynamically, so onnxruntime is loaded only when a transformer is used.
 */

/** The `@huggingface/transformers` module. */
export type TransformersLib = typeof import('@huggingface/transformers');

let library: Promise<TransformersLib> | undefined;

/** Imports `@huggingface/transformers` on first use. */
export function loadTransformers(): Promise<TransformersLib> {
  library ??= import('@huggingface/transformers');
  return library;
}

/** Where a model comes from: `id` as the library takes it, and `root` for a directory model. */
export interface ModelSource {
  /** Name shown in the model id: the Hub name, or the directory's name. */
  name: string;
  id: string;
  /** Parent directory of a local model (its `localModelPath`); undefined for the Hub. */
  root?: string;
}

/** A Hub model name: `name` or `owner/name`. */
const HUB_NAME = /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/;

/** True when `model` names a directory (a path, or an existing directory) rather than a Hub model. */
export function isDirectorySpec(model: string): boolean {
  if (/^(\.{1,2}[\\/]|[\\/]|~[\\/])/.test(model) || model.includes('\\')) return true;
  return existsSync(model) && statSync(model).isDirectory();
}

/** Resolves a model directory or Hub name; throws ValidationError for a directory without a model. */
export function modelSource(model: string): ModelSource {
  if (isDirectorySpec(model)) {
    const dir = resolve(model.replace(/^~(?=[\\/])/, process.env['HOME'] ?? '~'));
    if (!existsSync(join(dir, 'config.json'))) throw new ValidationError('EMBEDDING_MODEL', `no model in ${dir} (config.json is missing)`);
    return { name: basename(dir), id: basename(dir), root: dirname(dir) };
  }
  if (!HUB_NAME.test(model)) throw new ValidationError('EMBEDDING_MODEL', `"${model}" is neither a model directory nor a Hugging Face Hub name`);
  return { name: model, id: model };
}

/** The Hub model could not be obtained: not in the local cache, and the Hub not reachable (or not allowed). */
export class ModelUnavailableError extends SourceError {
  /** The Hub name asked for. */
  readonly model: string;
  /** `not-cached`: remote loading is off and the model is not cached; `unreachable`: the Hub did not answer. */
  readonly reason: 'not-cached' | 'unreachable';

  constructor(model: string, reason: 'not-cached' | 'unreachable', cause: unknown) {
    const why = reason === 'not-cached' ? 'is not in the local model cache and downloading is off' : 'is not in the local model cache and the Hugging Face Hub cannot be reached';
    super(`embedding model "${model}" ${why}`, { cause, offline: true });
    this.model = model;
    this.reason = reason;
  }
}

const UNREACHABLE = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR|socket|bad port|network/i;
const NOT_CACHED = /local_files_only|allowRemoteModels=false|not found locally/i;

/** Why a load failed, when the cause is the Hub or the cache; undefined for any other failure. */
export function unavailableReason(error: unknown): 'not-cached' | 'unreachable' | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const text = `${(e as Error).name ?? ''} ${(e as Error).message ?? ''} ${(e as { code?: string }).code ?? ''}`;
    if (NOT_CACHED.test(text)) return 'not-cached';
    if (UNREACHABLE.test(text)) return 'unreachable';
  }
  return undefined;
}

/** Settings of the library's global `env` for one load. */
export interface LoadEnv {
  allowRemote: boolean;
  remoteHost?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `load` with the library's global environment set for `source` (local directory only,
 * or Hub with remote loading on or off), one load at a time, restoring the environment after.
 */
export function withModelEnv<T>(lib: TransformersLib, source: ModelSource, settings: LoadEnv, load: () => Promise<T>): Promise<T> {
  const env = lib.env;
  const run = queue.then(async () => {
    const saved = { localModelPath: env.localModelPath, allowLocalModels: env.allowLocalModels, allowRemoteModels: env.allowRemoteModels, remoteHost: env.remoteHost };
    env.allowLocalModels = true;
    env.allowRemoteModels = source.root === undefined && settings.allowRemote;
    if (source.root !== undefined) env.localModelPath = `${source.root}/`;
    if (settings.remoteHost) env.remoteHost = settings.remoteHost;
    try {
      return await load();
    } finally {
      Object.assign(env, saved);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
