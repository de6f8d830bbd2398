/**
 * The OpenAPI 3.1 document served at `/api/v1/openapi.json`. Written by hand beside the routes
 * in `api.routes.ts`; `api.routes.test.ts` checks that every documented path answers and that
 * every API route is documented.
 */

const paperCard = {
  type: 'object',
  required: ['id', 'title', 'authors', 'primaryCategory', 'categories', 'citationCount', 'url'],
  properties: {
    id: { type: 'string', examples: ['2503.11731', 'hep-th/9407087'] },
    title: { type: 'string' },
    abstract: { type: 'string' },
    authors: { type: 'array', items: { $ref: '#/components/schemas/AuthorRef' } },
    primaryCategory: { type: 'string', examples: ['cs.LG'] },
    categories: { type: 'array', items: { type: 'string' } },
    date: { type: ['string', 'null'], format: 'date', description: 'First listing date, else v1 date.' },
    citationCount: { type: 'integer', description: 'Distinct papers in this store citing it.' },
    url: { type: 'string', description: 'The paper page on this site.' },
  },
} as const;

const feed = {
  type: 'object',
  required: ['kind', 'label', 'from', 'to', 'papers', 'total'],
  properties: {
    kind: { enum: ['daily', 'weekly', 'monthly'] },
    label: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    previous: { type: ['string', 'null'] },
    next: { type: ['string', 'null'] },
    category: { type: ['string', 'null'] },
    total: { type: 'integer' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    papers: { type: 'array', items: { $ref: '#/components/schemas/PaperCard' } },
  },
} as const;

const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } as const;
const ok = (schema: string) => ({ description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const feedQuery = [
  { name: 'category', in: 'query', schema: { type: 'string' }, description: 'Only papers in this category (primary or cross-list).' },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
];
const feedPath = (kind: string, param: string, pattern: string, example: string) => ({
  get: {
    summary: `Papers first listed in one ${kind === 'daily' ? 'day' : kind === 'weekly' ? 'ISO week' : 'month'}; \`latest\` for the newest.`,
    parameters: [{ name: param, in: 'path', required: true, schema: { type: 'string', pattern }, example }, ...feedQuery],
    responses: { 200: ok('Feed'), 400: error, 404: error },
  },
});

/** The API description. */
export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Papersift API', version: '1', description: 'Read-only JSON API of a Papersift instance. Errors are `{ error, message }` with a stable `error` code.' },
  paths: {
    '/api/v1/papers/{id}': {
      get: {
        summary: 'One paper, with its versions, citation count and citation lists. Old-style ids keep their slash: /api/v1/papers/hep-th/9407087.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'hep-th/9407087' }],
        responses: { 200: ok('Paper'), 400: error, 404: error },
      },
    },
    '/api/v1/authors/{key}': {
      get: {
        summary: 'An author profile: metrics, citations per year, co-authors and papers.',
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' }, example: 'e-witten' }, { name: 'sort', in: 'query', schema: { enum: ['newest', 'cited'] } }],
        responses: { 200: ok('Author'), 404: error },
      },
    },
    '/api/v1/daily/{date}': feedPath('daily', 'date', '^(\\d{4}-\\d{2}-\\d{2}|latest)$', '2025-03-18'),
    '/api/v1/weekly/{week}': feedPath('weekly', 'week', '^(\\d{4}-W\\d{2}|latest)$', '2025-W12'),
    '/api/v1/monthly/{month}': feedPath('monthly', 'month', '^(\\d{4}-\\d{2}|latest)$', '2025-03'),
    '/api/v1/search': {
      get: {
        summary: 'Search papers: keyword (full text), semantic (nearest vectors) or hybrid (both, fused by reciprocal rank; the default). An arXiv id goes straight to its paper. Highlights are escaped HTML with <mark>.',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: 500 }, description: 'Words, "phrases", prefix*, -excluded, OR; or an arXiv id.', example: 'conformal prediction' },
          { name: 'mode', in: 'query', schema: { enum: ['hybrid', 'keyword', 'semantic'] } },
          { name: 'category', in: 'query', schema: { type: 'string' } },
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'author', in: 'query', schema: { type: 'string' }, description: 'An author key or a name in any spelling ("Kazemi, M.").' },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { 200: ok('SearchResults'), 400: error, 429: error },
      },
    },
    '/api/v1/authors': {
      get: {
        summary: 'Authors whose names match a query, tolerating typos, accents, initials and "Last, F." order.',
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string' }, example: 'Witten, E.' }],
        responses: { 200: { description: 'OK' }, 429: error },
      },
    },
    '/api/v1/papers/{id}/similar': {
      get: {
        summary: 'Papers like this one (nearest vectors fused with a keyword search for its distinctive terms), each with the terms they share. `ready` is false (and the list empty) until vectors are built.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'hep-th/9407087' }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
        responses: { 200: ok('Similar'), 400: error, 404: error },
      },
    },
    '/api/v1/similar': {
      get: {
        summary: 'More like these: papers near any of the given ones (a library), the given ones excluded; each names the given paper it is closest to.',
        parameters: [{ name: 'ids', in: 'query', required: true, schema: { type: 'string' }, description: 'Comma-separated arXiv ids (at most 200).', example: 'hep-th/9407087,hep-th/9408099' }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
        responses: { 200: ok('Similar'), 400: error, 404: error },
      },
    },
    '/api/v1/authors/{key}/similar': {
      get: {
        summary: "More like this author's papers (their 200 newest as the seeds).",
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' }, example: 'e-witten' }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
        responses: { 200: ok('Similar'), 404: error },
      },
    },
    '/api/v1/authors/{key}/citations': {
      get: {
        summary: "What an author's citations tile counts: every citing paper (newest first, 50 per page) with which of the author's papers it cites. `citations` equals the tile; `citingPapers` counts distinct citing papers.",
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' }, example: 'e-witten' }, { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } }],
        responses: { 200: ok('AuthorCitations'), 404: error },
      },
    },
    '/api/v1/authors/{key}/h-core': {
      get: {
        summary: "What an author's h-, h5- and i10-indexes count: their papers most cited first, each marked inHCore, inH5Core, inI10, with in-window citations and external counts (source, retrieval date); the metrics with their provenance (materialised or live, as-of year, h5 window).",
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' }, example: 'e-witten' }],
        responses: { 200: ok('AuthorCore'), 404: error },
      },
    },
    '/api/v1/stats': { get: { summary: 'What the store holds.', responses: { 200: { description: 'OK' } } } },
  },
  components: {
    schemas: {
      Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
      AuthorRef: { type: 'object', required: ['name', 'key'], properties: { name: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' } } },
      PaperCard: paperCard,
      Feed: feed,
      Paper: {
        allOf: [{ $ref: '#/components/schemas/PaperCard' }, {
          type: 'object',
          properties: {
            versions: { type: 'array', items: { type: 'object', properties: { version: { type: 'integer' }, createdAt: { type: 'string' } } } },
            comments: { type: ['string', 'null'] }, journalRef: { type: ['string', 'null'] }, doi: { type: ['string', 'null'] }, license: { type: ['string', 'null'] },
            links: { type: 'object', properties: { abs: { type: 'string' }, pdf: { type: 'string' } } },
            citedBy: { type: 'array', items: { $ref: '#/components/schemas/PaperCard' } },
            references: { type: 'array', items: { $ref: '#/components/schemas/PaperCard' } },
            externalReferences: { type: 'array', items: { type: 'string' } },
            externalCounts: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, count: { type: 'integer' }, retrievedAt: { type: 'string' }, byYear: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, count: { type: 'integer' } } } } } } },
          },
        }],
      },
      SearchResults: {
        type: 'object',
        properties: {
          query: { type: 'string' }, mode: { enum: ['hybrid', 'keyword', 'semantic'] }, notice: { type: ['string', 'null'] },
          total: { type: 'integer' }, totalIsExact: { type: 'boolean' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
          authors: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' }, papers: { type: 'integer' }, score: { type: 'number' } } } },
          results: {
            type: 'array',
            items: { allOf: [{ $ref: '#/components/schemas/PaperCard' }, { type: 'object', properties: { why: { type: 'array', items: { type: 'string' } }, titleHtml: { type: ['string', 'null'] }, snippetHtml: { type: 'string' } } }] },
          },
        },
      },
      Similar: {
        type: 'object',
        properties: {
          ready: { type: 'boolean' }, model: { type: ['string', 'null'] },
          results: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/PaperCard' }, { type: 'object', properties: { similarity: { type: ['number', 'null'] }, why: { type: 'array', items: { type: 'string' } }, closestTo: { type: ['string', 'null'] } } }] } },
        },
      },
      Metric: { type: 'object', properties: { value: { type: ['number', 'null'] }, display: { type: 'string' }, reason: { type: 'string' }, source: { type: 'string', description: 'Where the data comes from.' }, asOf: { type: 'string', description: 'As of when (citing papers up to a year; when computed).' } } },
      AuthorCitations: {
        type: 'object',
        properties: {
          key: { type: 'string' }, name: { type: 'string' }, citations: { type: 'integer' }, citingPapers: { type: 'integer' }, sources: { type: 'array', items: { type: 'string' } },
          page: { type: 'integer' }, pageSize: { type: 'integer' },
          entries: { type: 'array', items: { type: 'object', properties: { ref: { type: 'string' }, date: { type: ['string', 'null'] }, paper: { oneOf: [{ $ref: '#/components/schemas/PaperCard' }, { type: 'null' }] }, cites: { type: 'array', items: { type: 'object', properties: { arxivId: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' } } } } } } },
        },
      },
      AuthorCore: {
        type: 'object',
        properties: {
          key: { type: 'string' }, name: { type: 'string' },
          metrics: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Metric' } },
          provenance: { type: 'object', properties: { kind: { enum: ['materialised', 'live'] }, sources: { type: 'array', items: { type: 'string' } }, asOfYear: { type: 'integer' }, window: { type: 'object', properties: { from: { type: 'integer' }, to: { type: 'integer' } } }, computedAt: { type: ['string', 'null'] }, generation: { type: ['integer', 'null'] } } },
          entries: { type: 'array', items: { type: 'object', properties: { paper: { $ref: '#/components/schemas/PaperCard' }, rank: { type: 'integer' }, citations: { type: 'integer' }, windowCitations: { type: 'integer' }, inHCore: { type: 'boolean' }, inH5Core: { type: 'boolean' }, inI10: { type: 'boolean' }, external: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, count: { type: 'integer' }, retrievedAt: { type: 'string' } } } } } } },
        },
      },
      Author: {
        type: 'object',
        properties: {
          key: { type: 'string' }, name: { type: 'string' }, primaryCategory: { type: ['string', 'null'] },
          orcid: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$', description: 'ORCID iD a source (OpenAlex, Semantic Scholar) gave for this author; its record is https://orcid.org/<orcid>.', examples: ['0000-0002-1825-0097'] },
          s2AuthorId: { type: ['string', 'null'], description: 'Semantic Scholar author id; the profile is https://www.semanticscholar.org/author/<s2AuthorId>.', examples: ['2262347'] },
          metrics: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Metric' } },
          citationsPerYear: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, citations: { type: 'integer' } } } },
          coauthors: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' }, papers: { type: 'integer' } } } },
          papers: { type: 'array', items: { $ref: '#/components/schemas/PaperCard' } },
        },
      },
    },
  },
} as const;
