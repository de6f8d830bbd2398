import type { Embedder } from '../embedder.js';
import { openTransformerEmbedder, type TransformerOptions } from './transformer-embedder.js';
import { ModelUnavailableError } from './transformer-load.js';

/** The EMBEDDING_MODEL value that selects the built-in embedder. */
export const BUILTIN = 'builtin';

/** Which embedder to open: `model` is `builtin`, a model directory or a Hub name; the rest applies to transformers. */
export type EmbedderSpec = TransformerOptions;

/** The opened embedder, and whether (and why) it is the fallback rather than the one asked for. */
export interface OpenedEmbedder {
  embedder: Embedder;
  fellBack: boolean;
  /** Why the built-in embedder is used instead, when it is. */
  message?: string;
}

/**
 * Opens the embedder `spec` asks for. `builtin` gives `fallback()` (the built-in embedder).
 * A transformer spec is loaded; when its Hub model is not cached and the Hub cannot be reached
 * (or downloading is off), the built-in embedder is used instead, with a message saying so
 * (also passed to `log`). Any other failure (a broken model directory, say) is thrown.
 */
export async function openEmbedder(spec: EmbedderSpec, fallback: () => Promise<Embedder>, log?: (message: string) => void): Promise<OpenedEmbedder> {
  if (spec.model === BUILTIN) return { embedder: await fallback(), fellBack: false };
  try {
    return { embedder: await openTransformerEmbedder(spec), fellBack: false };
  } catch (e) {
    if (!(e instanceof ModelUnavailableError)) throw e;
    const message = `${e.message}; using the built-in embedder instead`;
    log?.(message);
    return { embedder: await fallback(), fellBack: true, message };
  }
}
