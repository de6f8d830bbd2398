import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BGE_QUERY_INSTRUCTION, familyOf, titleAbstract } from './families.js';

const paper = { title: 'Attention Is All You Need', abstract: 'We propose the Transformer.' };

describe('model families', () => {
  const cases: [string, string, 'cls' | 'mean'][] = [
    ['allenai/specter', 'specter', 'cls'],
    ['allenai/specter2_base', 'specter', 'cls'],
    ['malteos/scincl', 'specter', 'cls'],
    ['BAAI/bge-small-en-v1.5', 'bge', 'cls'],
    ['Xenova/bge-base-en-v1.5', 'bge', 'cls'],
    ['BAAI/bge-m3', 'bge-m3', 'cls'],
    ['intfloat/e5-small-v2', 'e5', 'mean'],
    ['intfloat/multilingual-e5-base', 'e5', 'mean'],
    ['nomic-ai/nomic-embed-text-v1.5', 'nomic', 'mean'],
    ['sentence-transformers/all-MiniLM-L6-v2', 'sentence-transformers', 'mean'],
    ['sentence-transformers/all-mpnet-base-v2', 'sentence-transformers', 'mean'],
    ['thenlper/gte-small', 'sentence-transformers', 'mean'],
    ['random-bert-tiny-fixture', 'default', 'mean'],
    ['acme/de5ign-bgeneric', 'default', 'mean'],
  ];
  for (const [name, family, pooling] of cases) {
    test(`${name} → ${family}, ${pooling} pooling`, () => {
      const f = familyOf(name);
      assert.equal(f.name, family);
      assert.equal(f.pooling, pooling);
    });
  }

  test('formats papers and queries as the model cards say', () => {
    assert.equal(familyOf('allenai/specter2_base').document(paper, '[SEP]'), 'Attention Is All You Need[SEP]We propose the Transformer.');
    assert.equal(familyOf('BAAI/bge-small-en-v1.5').query('graph networks'), `${BGE_QUERY_INSTRUCTION}graph networks`);
    assert.equal(familyOf('BAAI/bge-small-en-v1.5').document(paper, '[SEP]'), 'Attention Is All You Need. We propose the Transformer.');
    assert.equal(familyOf('intfloat/e5-small-v2').query('q'), 'query: q');
    assert.equal(familyOf('intfloat/e5-small-v2').document(paper, '[SEP]'), 'passage: Attention Is All You Need. We propose the Transformer.');
    assert.equal(familyOf('nomic-ai/nomic-embed-text-v1').query('q'), 'search_query: q');
    assert.equal(familyOf('thenlper/gte-small').query('q'), 'q');
  });

  test('title and abstract join without a doubled stop, and either may be empty', () => {
    assert.equal(titleAbstract({ title: 'What is it?', abstract: 'Text.' }), 'What is it? Text.');
    assert.equal(titleAbstract({ title: ' Title ', abstract: '' }), 'Title');
    assert.equal(titleAbstract({ title: '', abstract: 'Only abstract.' }), 'Only abstract.');
  });

  test('the first name a pattern knows decides (a directory name, then the config name)', () => {
    assert.equal(familyOf('my-model-dir', 'BAAI/bge-small-en-v1.5').name, 'bge');
    assert.equal(familyOf('specter-copy', 'BAAI/bge-small-en-v1.5').name, 'specter');
    assert.equal(familyOf(undefined, '').name, 'default');
  });
});
