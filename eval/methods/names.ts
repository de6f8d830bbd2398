/** Names of the methods, as they appear in the report. */
export const METHOD = {
  bm25: 'BM25 (FTS5)',
  tfidf: 'tf-idf cosine',
  svm: 'arxiv-sanity SVM',
  lsa: (dims: number) => `LSA-${dims}`,
} as const;
