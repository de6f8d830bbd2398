/**
 * The fixed query set of `npm run bench:search`: what researchers type into a paper search,
 * for the 2025 CS listings the benchmark stores hold. Topics, quoted phrases, prefixes and
 * exclusions, author names (some in "Last, F." form or misspelt), and arXiv ids of papers in
 * the set. Never change a query in place: add new ones, so figures stay comparable.
 */
export interface BenchQuery {
  kind: 'topic' | 'phrase' | 'syntax' | 'author' | 'id';
  q: string;
}

/** The queries (66). */
export const SEARCH_QUERIES: readonly BenchQuery[] = [
  ...[
    'conformal prediction', 'conformal off-policy prediction', 'gaussian splatting', 'retrieval augmented generation',
    'diffusion models for video generation', 'large language model reasoning', 'chain of thought', 'vision language models',
    'reinforcement learning from human feedback', 'graph neural networks', 'federated learning privacy', 'mixture of experts',
    'speculative decoding', 'knowledge distillation', 'neural radiance fields', 'autonomous driving perception',
    'medical image segmentation', 'time series forecasting', 'program synthesis', 'code generation benchmark',
    'hallucination detection', 'adversarial robustness', 'in-context learning', 'sparse attention long context',
    'multi-agent systems', 'point cloud registration', 'text-to-image', 'quantization of transformers',
    'causal inference', 'low-rank adaptation', 'world models', 'tokenizer', 'contrastive learning', 'optimal transport',
  ].map((q) => ({ kind: 'topic' as const, q })),
  ...[
    '"large language models"', '"state space models"', '"direct preference optimization"', '"zero-shot"',
    '"reward model"', '"scaling laws"', '"visual question answering"', '"model merging"',
  ].map((q) => ({ kind: 'phrase' as const, q })),
  ...[
    'transform*', 'diffusion -image', 'LLM OR "language model" agents', 'robot* manipulation', 'segment* -medical', 'benchmark*',
  ].map((q) => ({ kind: 'syntax' as const, q })),
  ...[
    'Yang Liu', 'Hao Wang', 'Liu, Y.', 'Zhang, Lei', 'Jian Yang', 'Yann LeCun', 'Sergey Levine', 'Pieter Abbeel', 'Yoshua Bengio', 'Percy Liang',
  ].map((q) => ({ kind: 'author' as const, q })),
  ...[
    '2503.11731', '2504.11967', '2505.16483', '2506.09736', 'arXiv:2507.11851', 'https://arxiv.org/abs/2508.12813v2', '2510.26622', '2604.03234',
  ].map((q) => ({ kind: 'id' as const, q })),
];
