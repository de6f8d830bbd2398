import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedPaper } from '../../../test/support/read-model-fixtures.js';
import { bibtexName, citationKey, escapeBibtex, toBibtex } from './bibtex.js';

/** Fields of a one-entry BibTeX string, read the way BibTeX does (counting every brace). */
function parseEntry(bib: string): { type: string; key: string; fields: Map<string, string> } {
  const head = /^@(\w+)\{([^,]+),\n/.exec(bib);
  assert.ok(head, bib);
  const fields = new Map<string, string>();
  let i = head[0].length;
  for (;;) {
    const m = /^\s*(\w+) = \{/.exec(bib.slice(i));
    if (!m) break;
    let depth = 1;
    let j = i + m[0].length;
    for (; depth > 0; j++) {
      assert.ok(j < bib.length, `unbalanced field ${m[1]}`);
      if (bib[j] === '{') depth++;
      else if (bib[j] === '}') depth--;
    }
    fields.set(m[1]!, bib.slice(i + m[0].length, j - 1));
    i = j + (bib[j] === ',' ? 1 : 0);
  }
  assert.equal(bib.slice(i).trim(), '}', 'entry closes after the last field');
  return { type: head[1]!, key: head[2]!, fields };
}

test('a real paper: all fields, @misc with eprint', () => {
  const bib = toBibtex(storedPaper('0704.0001'));
  const e = parseEntry(bib);
  assert.equal(e.type, 'misc');
  assert.equal(e.key, 'balazs2007calculation');
  assert.equal(e.fields.get('title'), '{Calculation of prompt diphoton production cross sections at Tevatron and LHC energies}');
  assert.equal(e.fields.get('author'), 'C. Balázs and E. L. Berger and P. M. Nadolsky and C. -P. Yuan');
  assert.equal(e.fields.get('year'), '2007');
  assert.equal(e.fields.get('eprint'), '0704.0001');
  assert.equal(e.fields.get('archivePrefix'), 'arXiv');
  assert.equal(e.fields.get('primaryClass'), 'hep-ph');
  assert.equal(e.fields.get('doi'), '10.1103/PhysRevD.76.013009');
  assert.equal(e.fields.get('url'), 'https://arxiv.org/abs/0704.0001');
});

test('math in a title is kept; a paper without DOI has no doi field', () => {
  const e = parseEntry(toBibtex(storedPaper('0704.0054')));
  assert.equal(e.fields.get('title'), '{The Hardy-Lorentz Spaces $H^{p,q}(R^n)$}');
  assert.equal(e.fields.has('doi'), false);
  assert.equal(e.key, 'abushammala2007hardy');
});

test('special characters are escaped and braces always balance', () => {
  assert.equal(escapeBibtex('R&D at 50% for #1 my_var ~x^2'), 'R\\&D at 50\\% for \\#1 my\\_var \\textasciitilde{}x\\textasciicircum{}2');
  assert.equal(escapeBibtex('costs \\$5'), 'costs \\$5');
  assert.equal(escapeBibtex('open { brace'), 'open \\textbraceleft{} brace');
  assert.equal(escapeBibtex('close } first {'), 'close \\textbraceright{} first \\textbraceleft{}');
  assert.equal(escapeBibtex('sets \\{x\\}'), 'sets \\textbraceleft{}x\\textbraceright{}');
  assert.equal(escapeBibtex('G\\"odel and \\emph{Escher}'), 'G\\"odel and \\emph{Escher}');
  assert.equal(escapeBibtex('trailing \\'), 'trailing \\textbackslash{}');
  assert.equal(escapeBibtex('bad math $x^{2$'), 'bad math \\$x\\textasciicircum{}\\textbraceleft{}2\\$');
  for (const title of ['}{', '{{{', 'a}', '$}$ {', '\\}', 'x \\']) {
    const p = storedPaper('0704.0001', { title });
    parseEntry(toBibtex(p));
  }
});

test('names BibTeX would misread are braced', () => {
  assert.equal(bibtexName('Ada Lovelace'), 'Ada Lovelace');
  assert.equal(bibtexName('John Smith, Jr.'), '{John Smith, Jr.}');
  assert.equal(bibtexName('Research and Development Group'), '{Research and Development Group}');
  assert.equal(bibtexName('A. T&T'), 'A. T\\&T');
});

test('citation keys fall back to the arXiv id', () => {
  const p = storedPaper('0704.0001', { authors: [{ name: '王小明', key: '王小明' }] });
  assert.equal(citationKey(p, '2007'), 'arxiv07040001');
  const old = storedPaper('0704.0001', { arxivId: 'hep-th/9407087', authors: [] });
  assert.equal(citationKey(old, '1994'), 'arxivhepth9407087');
});
