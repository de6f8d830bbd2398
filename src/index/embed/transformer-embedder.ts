import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { normalize, type Embedder, type EmbedText } from '../embedder.js';
import { familyOf, type ModelFamily, type Pooling } from './families.js';
import { loadTransformers, ModelUnavailableError, modelSource, unavailableReason, withModelEnv, type ModelSource } from './transformer-load.js';

/** Weight formats transformers.js can load (`q8` → `onnx/model_quantized.onnx`, `fp32` → `onnx/model.onnx`). */
export const TRANSFORMER_DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16'] as const;

/** One of {@link TRANSFORMER_DTYPES}. */
export type TransformerDtype = (typeof TRANSFORMER_DTYPES)[number];

/** Options of {@link openTransformerEmbedder}. */
export interface TransformerOptions {
  /** A model directory (transformers.js layout) or a Hugging Face Hub name. */
  model: string;
  /** @default 'q8' */
  dtype?: TransformerDtype;
  /** Texts per model call (sorted by length first, to pad little). @default 8 */
  batchSize?: number;
  /** Tokens kept per text (longer text is truncated). @default the model's limit, at most 512 */
  maxTokens?: number;
  /** Download a Hub model that is not cached. @default false */
  allowRemote?: boolean;
  /** Where Hub downloads are cached. @default the library's cache */
  cacheDir?: string;
  /** Hub mirror address. @default the Hugging Face Hub */
  remoteHost?: string;
  /** onnxruntime intra-op threads. @default 2 */
  threads?: number;
}

/** Token vectors → one L2-normalised vector per text (`hidden` is [batch, tokens, width]). */
export function pool(hidden: Float32Array, dims: readonly number[], mask: ArrayLike<number | bigint>, pooling: Pooling): Float32Array[] {
  const [batch = 0, tokens = 0, width = 0] = dims;
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(width);
    if (pooling === 'cls') v.set(hidden.subarray(b * tokens * width, b * tokens * width + width));
    else meanInto(v, hidden, mask, b, tokens, width);
    out.push(normalize(v));
  }
  return out;
}

function meanInto(v: Float32Array, hidden: Float32Array, mask: ArrayLike<number | bigint>, b: number, tokens: number, width: number): void {
  const sum = new Float64Array(width);
  let n = 0;
  for (let t = 0; t < tokens; t++) {
    if (Number(mask[b * tokens + t]) === 0) continue;
    n++;
    const o = (b * tokens + t) * width;
    for (let j = 0; j < width; j++) sum[j]! += hidden[o + j]!;
  }
  for (let j = 0; j < width; j++) v[j] = n > 0 ? sum[j]! / n : 0;
}

/** Batches of indices into `texts`, longest texts first, each at most `size` long. */
export function lengthBatches(texts: readonly string[], size: number): number[][] {
  const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}

/**
 * A sentence-embedding transformer run by transformers.js (onnxruntime): texts are formatted
 * and pooled as the model's family prescribes (see `families.ts`), truncated to `maxTokens`,
 * batched by length, and L2-normalised. `modelId` is `hf:<name>:<dtype>`.
 */
export class TransformerEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;

  constructor(
    readonly source: ModelSource,
    readonly dtype: TransformerDtype,
    readonly family: ModelFamily,
    readonly tokenizer: PreTrainedTokenizer,
    readonly model: PreTrainedModel,
    readonly maxTokens: number,
    readonly batchSize: number,
    dimensions: number,
  ) {
    this.modelId = `hf:${source.name}:${dtype}`;
    this.dimensions = dimensions;
  }

  /** Embeds papers formatted as the family prescribes, in input order. */
  async embedDocuments(docs: readonly EmbedText[]): Promise<Float32Array[]> {
    const sep = this.tokenizer.sep_token ?? ' ';
    return this.embedTexts(docs.map((d) => this.family.document(d, sep)));
  }

  /** Embeds a query formatted as the family prescribes (e.g. bge's instruction, e5's `query: `). */
  async embedQuery(query: string): Promise<Float32Array> {
    return (await this.embedTexts([this.family.query(query)]))[0]!;
  }

  /** Embeds already formatted texts, in input order. */
  async embedTexts(texts: readonly string[]): Promise<Float32Array[]> {
    const out = new Array<Float32Array>(texts.length);
    for (const batch of lengthBatches(texts, this.batchSize)) {
      const vectors = await this.embedBatch(batch.map((i) => texts[i]!));
      batch.forEach((i, k) => { out[i] = vectors[k]!; });
    }
    return out;
  }

  /** Tokenizer output for a batch: padded to its longest text, truncated to `maxTokens`. */
  encode(texts: readonly string[]): Record<string, Tensor> {
    return this.tokenizer([...texts], { padding: true, truncation: true, max_length: this.maxTokens }) as Record<string, Tensor>;
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    const inputs = this.encode(texts);
    const output = (await this.model(inputs)) as Record<string, Tensor | undefined>;
    const hidden = output['last_hidden_state'] ?? output['token_embeddings'];
    if (!hidden) throw new Error(`${this.modelId}: the model gives no token embeddings (outputs: ${Object.keys(output).join(', ')})`);
    return pool(hidden.data as Float32Array, hidden.dims, inputs['attention_mask']!.data as ArrayLike<number | bigint>, this.family.pooling);
  }
}

/**
 * Loads a transformer embedder from a model directory or the Hub. A Hub model that is neither
 * cached nor downloadable raises {@link ModelUnavailableError}; a directory without a model
 * raises ValidationError.
 */
export async function openTransformerEmbedder(options: TransformerOptions): Promise<TransformerEmbedder> {
  const source = modelSource(options.model);
  const dtype = options.dtype ?? 'q8';
  const lib = await loadTransformers();
  const localOnly = source.root !== undefined || !options.allowRemote;
  const common = { local_files_only: localOnly, ...(options.cacheDir ? { cache_dir: options.cacheDir } : {}) };
  const threads = options.threads ?? 2;
  const [tokenizer, model] = await withModelEnv(lib, source, { allowRemote: !localOnly, remoteHost: options.remoteHost }, async () => {
    try {
      // The model first: a missing tokenizer is not reported as missing, a missing model is.
      const m = await lib.AutoModel.from_pretrained(source.id, { ...common, dtype, session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
      const t = await lib.AutoTokenizer.from_pretrained(source.id, common);
      return [t, m] as const;
    } catch (e) {
      const reason = source.root === undefined ? unavailableReason(e) : undefined;
      throw reason ? new ModelUnavailableError(source.name, reason, e) : e;
    }
  });
  const config = model.config as unknown as { hidden_size?: number; max_position_embeddings?: number; _name_or_path?: string };
  const maxTokens = options.maxTokens ?? Math.min(512, tokenizer.model_max_length || 512, config.max_position_embeddings ?? 512);
  const family = familyOf(source.name, config._name_or_path);
  const probe = new TransformerEmbedder(source, dtype, family, tokenizer, model, maxTokens, options.batchSize ?? 8, config.hidden_size ?? 0);
  if (probe.dimensions > 0) return probe;
  const width = (await probe.embedTexts(['probe']))[0]!.length;
  return new TransformerEmbedder(source, dtype, family, tokenizer, model, maxTokens, options.batchSize ?? 8, width);
}
