import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';
import { checkHtml, isClean } from '../../../test/support/html-check.js';
import { manyAuthors, paperCard } from '../../../test/support/read-model-fixtures.js';
import { AuthorList, PaperCardView, citationLabel, type PaperCardProps } from './paper-card.js';

const NOW = new Date('2026-04-20T12:00:00Z');

async function render(props: PaperCardProps): Promise<string> {
  return (await jsx(PaperCardView, props)).toString();
}

function assertClean(html: string): void {
  const report = checkHtml(html);
  assert.ok(isClean(report), JSON.stringify(report, null, 2));
}

test('a real paper renders as a seed-style card', async () => {
  const html = await render({ card: paperCard('0704.0054', { date: '2026-04-15', citationCount: 3 }), now: NOW });
  assert.match(html, /<a class="tag" href="\/categories\/math.CA" title="Classical Analysis and ODEs \(math.CA\)">CA<\/a>/);
  assert.match(html, /<time datetime="2026-04-15">Apr 15<\/time>/);
  assert.match(html, /<h3 class="card-title"><a href="\/papers\/0704.0054">The Hardy-Lorentz Spaces <span class="katex">/);
  assert.match(html, /<a href="\/authors\/wael-abu-shammala">Wael Abu-Shammala<\/a>, <a href="\/authors\/alberto-torchinsky">Alberto Torchinsky<\/a>/);
  assert.doesNotMatch(html, /et al\./);
  assert.match(html, /<div class="abstract">In this paper we consider the Hardy-Lorentz spaces <span class="katex">/);
  assert.match(html, /3 citations/);
  assertClean(html);
});

test('an older card shows the year; archive-level categories keep their id as the tag', async () => {
  const html = await render({ card: paperCard('0704.0001', { date: '2022-12-16' }), now: NOW });
  assert.match(html, />Dec 16, 2022</);
  assert.match(html, />hep-ph<\/a>/);
  assert.match(html, /No citations yet · 37 pages, 15 figures; published version/);
});

test('fifteen real authors: three shown, the other twelve behind et al.', async () => {
  const html = await render({ card: paperCard('0704.0128'), now: NOW });
  const [visible, hidden] = html.split('<details class="etal">');
  assert.equal((visible!.match(/href="\/authors\//g) ?? []).length, 3);
  assert.match(hidden!, /^<summary>et al\.<span class="visually-hidden"> \(12 more authors\)<\/span><\/summary>/);
  assert.match(hidden!, /<a href="\/authors\/p-t-o-brien">P. T. O&#39;Brien<\/a>/);
  assert.match(hidden!, /<a href="\/authors\/p-romano">P. Romano<\/a><\/details>/);
  assertClean(html);
});

test('escapes < and & in titles, author names and comments', async () => {
  const card = paperCard('0704.0001', {
    title: 'Bounds for <b>bold</b> & <script>alert(1)</script> claims',
    authors: [{ name: 'Eve <img src=x onerror=alert(1)> & Co', key: 'eve-co' }],
    comments: 'See <a href="javascript:alert(1)">here</a> & https://x.org/a.',
  });
  const html = await render({ card, now: NOW });
  assert.match(html, /Bounds for &lt;b&gt;bold&lt;\/b&gt; &amp; &lt;script&gt;alert\(1\)&lt;\/script&gt; claims/);
  assert.match(html, /Eve &lt;img src=x onerror=alert\(1\)&gt; &amp; Co/);
  assert.match(html, /<a href="https:\/\/x.org\/a" rel="nofollow noopener noreferrer">https:\/\/x.org\/a<\/a>\./);
  assertClean(html);
});

test('a 200-author, 3,000-character card stays well formed', async () => {
  const abstract = 'We prove $\\sum_{i=1}^n x_i \\le C$ for <all> inputs & more. '.repeat(60).slice(0, 3000);
  const card = paperCard('0704.0001', { authors: manyAuthors(200), abstract, title: 'A'.repeat(300) });
  const html = await render({ card, now: NOW, level: 2 });
  assert.match(html, /<h2 class="card-title">/);
  assert.match(html, /\(197 more authors\)/);
  assert.equal((html.match(/href="\/authors\/author-\d+"/g) ?? []).length, 200);
  assert.match(html, /Researcher 199 &lt;b&gt;&amp;amp; Co&lt;\/b&gt;/);
  assertClean(html);
});

test('author lists of four show everyone; nameless authors are not linked', async () => {
  const four = await (await jsx(AuthorList, { authors: manyAuthors(4) })).toString();
  assert.doesNotMatch(four, /details/);
  const nameless = await (await jsx(AuthorList, { authors: [{ name: '—', key: '' }] })).toString();
  assert.equal(nameless, '<div class="authors"><span>—</span></div>');
  const none = await (await jsx(AuthorList, { authors: [] })).toString();
  assert.match(none, /Authors unknown/);
});

test('compact cards have no abstract', async () => {
  const html = await render({ card: paperCard('0704.0054'), now: NOW, compact: true });
  assert.doesNotMatch(html, /class="abstract"/);
  assert.match(html, /class="card compact"/);
});

test('citation labels', () => {
  assert.equal(citationLabel(0), 'No citations yet');
  assert.equal(citationLabel(1), '1 citation');
  assert.equal(citationLabel(12345), '12,345 citations');
});
