import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CATEGORIES, archiveOf, findCategory, shortTag } from './taxonomy.js';

const KAGGLE_HEAD = new URL(
  '../../../shared/data/fixtures/kaggle_arxiv_snapshot/arxiv-metadata-oai-snapshot.head.jsonl',
  import.meta.url,
);
const CS_DAILY = new URL('../../../shared/data/arxiv_cs_daily_2025/papers.jsonl.gz', import.meta.url);

/** Shape of an arXiv category id: `cs.LG`, `hep-th`, `cond-mat.str-el`, `physics.optics`. */
const CATEGORY_SHAPE = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;

/**
 * Values in the scraped daily listings that have the shape of a category id but are not
 * arXiv categories: `na` (2505.21558) is a scraped "not applicable" class field.
 */
const NOT_CATEGORIES = new Set(['na']);

/**
 * The arXiv category ids in one `categories` entry of the scraped daily listings. The scraper
 * mixes ACM/MSC classes and free text into that array (`I.2.7`, `68T05`, `CS`, …); those are
 * skipped. An entry holding a comma-separated list of ids (`cs.CV, cs.MM`) yields each id.
 */
function categoryIdsIn(entry: string): string[] {
  const parts = entry.split(/,\s*/);
  if (!parts.every((p) => CATEGORY_SHAPE.test(p))) return [];
  return parts.filter((p) => !NOT_CATEGORIES.has(p));
}

function reportMissing(source: string, seen: ReadonlyMap<string, number>): void {
  const missing = [...seen].filter(([id]) => findCategory(id) === undefined);
  if (missing.length > 0) {
    console.log(`categories in ${source} missing from the taxonomy:`, missing);
  }
  assert.deepEqual(missing, [], `unknown categories in ${source}`);
}

test('category ids are unique', () => {
  const ids = CATEGORIES.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('every category is well formed', () => {
  const groups = new Set([
    'Computer Science',
    'Economics',
    'Electrical Engineering and Systems Science',
    'Mathematics',
    'Physics',
    'Quantitative Biology',
    'Quantitative Finance',
    'Statistics',
  ]);
  for (const c of CATEGORIES) {
    assert.match(c.id, CATEGORY_SHAPE, c.id);
    assert.ok(c.name.length > 0, c.id);
    assert.ok(groups.has(c.group), `${c.id}: group ${c.group}`);
    assert.equal(c.archive, archiveOf(c.id), c.id);
  }
});

test('every aliasOf target exists, is canonical and has the same name', () => {
  const aliases = CATEGORIES.filter((c) => c.aliasOf !== undefined);
  assert.deepEqual(aliases.map((c) => `${c.id}=${c.aliasOf}`).sort(), [
    'cs.NA=math.NA',
    'cs.SY=eess.SY',
    'math.IT=cs.IT',
    'math.MP=math-ph',
    'math.ST=stat.TH',
    'q-fin.EC=econ.GN',
  ]);
  for (const a of aliases) {
    const target = findCategory(a.aliasOf!);
    assert.ok(target, `${a.id} → ${a.aliasOf}`);
    assert.equal(target.aliasOf, undefined, `${a.aliasOf} is itself an alias`);
    if (a.id !== 'q-fin.EC') assert.equal(a.name, target.name, a.id);
  }
});

test('group sizes match the arXiv taxonomy', () => {
  const current = CATEGORIES.filter((c) => !c.legacy);
  const count = (prefix: string) => current.filter((c) => c.id.startsWith(prefix)).length;
  assert.equal(count('cs.'), 40);
  assert.equal(count('econ.'), 3);
  assert.equal(count('eess.'), 4);
  assert.equal(count('math.'), 32);
  assert.equal(count('physics.'), 22);
  assert.equal(count('astro-ph.'), 6);
  assert.equal(count('cond-mat.'), 9);
  assert.equal(count('nlin.'), 5);
  assert.equal(count('q-bio.'), 10);
  assert.equal(count('q-fin.'), 9);
  assert.equal(count('stat.'), 6);
});

test('known names and groups', () => {
  const expected: Array<[string, string, string]> = [
    ['cs.LG', 'Machine Learning', 'Computer Science'],
    ['cs.CL', 'Computation and Language', 'Computer Science'],
    ['cs.CV', 'Computer Vision and Pattern Recognition', 'Computer Science'],
    ['cs.AI', 'Artificial Intelligence', 'Computer Science'],
    ['cs.DC', 'Distributed, Parallel, and Cluster Computing', 'Computer Science'],
    ['eess.SY', 'Systems and Control', 'Electrical Engineering and Systems Science'],
    ['econ.EM', 'Econometrics', 'Economics'],
    ['math.CO', 'Combinatorics', 'Mathematics'],
    ['math.AP', 'Analysis of PDEs', 'Mathematics'],
    ['hep-th', 'High Energy Physics - Theory', 'Physics'],
    ['quant-ph', 'Quantum Physics', 'Physics'],
    ['astro-ph.GA', 'Astrophysics of Galaxies', 'Physics'],
    ['cond-mat.str-el', 'Strongly Correlated Electrons', 'Physics'],
    ['physics.data-an', 'Data Analysis, Statistics and Probability', 'Physics'],
    ['q-bio.NC', 'Neurons and Cognition', 'Quantitative Biology'],
    ['q-fin.TR', 'Trading and Market Microstructure', 'Quantitative Finance'],
    ['stat.ML', 'Machine Learning', 'Statistics'],
  ];
  for (const [id, name, group] of expected) {
    const c = findCategory(id);
    assert.ok(c, id);
    assert.equal(c.name, name, id);
    assert.equal(c.group, group, id);
    assert.equal(c.legacy, undefined, id);
  }
});

test('legacy archives and bare archive-level ids are marked legacy', () => {
  const legacy = [
    'alg-geom', 'dg-ga', 'funct-an', 'q-alg', 'chao-dyn', 'solv-int', 'patt-sol', 'adap-org',
    'comp-gas', 'cmp-lg', 'mtrl-th', 'supr-con', 'acc-phys', 'ao-sci', 'atom-ph', 'bayes-an',
    'chem-ph', 'plasm-ph', 'astro-ph', 'cond-mat', 'physics', 'math', 'cs', 'nlin', 'q-bio',
  ];
  for (const id of legacy) {
    const c = findCategory(id);
    assert.ok(c, id);
    assert.equal(c.legacy, true, id);
    assert.equal(c.archive, id, id);
  }
  assert.equal(findCategory('cmp-lg')?.group, 'Computer Science');
  assert.equal(findCategory('alg-geom')?.group, 'Mathematics');
  assert.equal(findCategory('chao-dyn')?.group, 'Physics');
  assert.equal(findCategory('astro-ph')?.name, 'Astrophysics');
});

test('shortTag', () => {
  assert.equal(shortTag('cs.LG'), 'LG');
  assert.equal(shortTag('eess.SY'), 'SY');
  assert.equal(shortTag('math.CO'), 'CO');
  assert.equal(shortTag('astro-ph.GA'), 'GA');
  assert.equal(shortTag('cond-mat.str-el'), 'STR-EL');
  assert.equal(shortTag('physics.optics'), 'OPTICS');
  assert.equal(shortTag('hep-th'), 'hep-th');
  assert.equal(shortTag('quant-ph'), 'quant-ph');
  assert.equal(shortTag('astro-ph'), 'astro-ph');
});

test('archiveOf', () => {
  assert.equal(archiveOf('cs.LG'), 'cs');
  assert.equal(archiveOf('hep-th'), 'hep-th');
  assert.equal(archiveOf('physics.optics'), 'physics');
  assert.equal(archiveOf('cond-mat.str-el'), 'cond-mat');
  assert.equal(archiveOf('astro-ph'), 'astro-ph');
});

test('findCategory of unknown ids is undefined', () => {
  assert.equal(findCategory('cs.XX'), undefined);
  assert.equal(findCategory('cs.lg'), undefined);
  assert.equal(findCategory(''), undefined);
  assert.equal(findCategory('I.2.7'), undefined);
});

test('every category in the Kaggle snapshot head is known', () => {
  const seen = new Map<string, number>();
  let records = 0;
  for (const line of readFileSync(KAGGLE_HEAD, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { categories: string };
    records++;
    for (const id of rec.categories.split(/\s+/).filter(Boolean)) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  assert.ok(records > 0);
  assert.ok(seen.size > 0);
  reportMissing('the Kaggle snapshot head', seen);
});

test('every category in the arXiv CS daily listings is known', async () => {
  const seen = new Map<string, number>();
  let records = 0;
  const lines = createInterface({ input: createReadStream(CS_DAILY).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { categories: string[] };
    records++;
    for (const entry of rec.categories) {
      for (const id of categoryIdsIn(entry)) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  }
  assert.ok(records > 70_000, `read ${records} records`);
  assert.ok(seen.has('cs.CV') && seen.has('eess.SY'));
  reportMissing('the arXiv CS daily listings', seen);
});
