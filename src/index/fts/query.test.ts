import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery, positiveTokens, toFts5, toPostgres } from './query.js';

describe('search query syntax', () => {
  it('ANDs words and quotes every token for FTS5', () => {
    assert.equal(toFts5(parseQuery('conformal prediction')), '"conformal" AND "prediction"');
  });
  it('turns hyphenated words and quoted text into phrases', () => {
    assert.equal(toFts5(parseQuery('off-policy "large language model"')), '"off policy" AND "large language model"');
  });
  it('keeps prefix, OR and exclusions', () => {
    assert.equal(toFts5(parseQuery('transform* OR attention -vision')), '("transform" * OR "attention") NOT "vision"');
  });
  it('neutralises FTS syntax in user input', () => {
    assert.equal(toFts5(parseQuery('title:NEAR(a b) "unterminated')), '"title near a" AND "b" AND "unterminated"');
  });
  it('brackets several positives before an exclusion', () => {
    assert.equal(toFts5(parseQuery('a b -c')), '("a" AND "b") NOT "c"');
  });
  it('shortens a prefix to the stem its completions share', () => {
    assert.equal(toFts5(parseQuery('hallucinat*')), '"hallucin" *');
    assert.equal(toFts5(parseQuery('optimiz*')), '"optim" *');
    assert.equal(toFts5(parseQuery('neur*')), '"neur" *');
    assert.equal(toFts5(parseQuery('gan*')), '"gan" *');
  });
  it('matches nothing for exclusions alone or punctuation', () => {
    assert.equal(toFts5(parseQuery('-vision')), null);
    assert.equal(toFts5(parseQuery('*** ???')), null);
  });
  it('splits prefixes out for PostgreSQL', () => {
    assert.deepEqual(toPostgres(parseQuery('graph neur* -image')), { websearch: 'graph -image', prefix: 'neur:*' });
    assert.deepEqual(toPostgres(parseQuery('"diffusion model" OR gan')), { websearch: '"diffusion model" or gan', prefix: null });
  });
  it('folds case and keeps accented letters', () => {
    assert.deepEqual(positiveTokens(parseQuery('Schrödinger -Bridge')), ['schrödinger']);
  });
});
