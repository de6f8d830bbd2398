import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { paperCard } from '../../../test/support/read-model-fixtures.js';
import { atomTime, escapeXml, paperCardToAtomEntry, renderAtom } from './atom.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'author', 'category', 'link'].includes(name) });

interface Parsed {
  feed: {
    '@xmlns': string;
    id: string;
    title: string;
    updated: string;
    link: { '@rel': string; '@href': string }[];
    entry: { id: string; title: { '#text': string }; link: { '@href': string }[]; updated: string; author: { name: string }[]; category: { '@term': string; '@label'?: string }[]; summary: { '#text': string } }[];
  };
}

function feedOf(cards: ReturnType<typeof paperCard>[]): string {
  return renderAtom({
    id: 'https://papersift.example/feeds/latest.atom',
    title: 'Papersift: newest papers',
    selfLink: 'https://papersift.example/feeds/latest.atom',
    alternateLink: 'https://papersift.example/today',
    entries: cards.map((c) => paperCardToAtomEntry(c, 'https://papersift.example', '2025-01-01', (id) => (id === 'math.CA' ? 'Classical Analysis and ODEs' : undefined))),
  });
}

test('a feed of real papers parses as Atom with every required element', () => {
  const xml = feedOf([paperCard('0704.0054', { date: '2007-04-02' }), paperCard('0704.0128', { date: '2007-04-03' })]);
  assert.equal(XMLValidator.validate(xml), true);
  const { feed } = parser.parse(xml) as Parsed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(feed.updated, '2007-04-03T00:00:00Z');
  assert.deepEqual(feed.link.map((l) => l['@rel']), ['self', 'alternate']);
  assert.equal(feed.entry.length, 2);
  const [first, second] = feed.entry;
  assert.equal(first!.id, 'https://arxiv.org/abs/0704.0054');
  assert.equal(first!.title['#text'], 'The Hardy-Lorentz Spaces $H^{p,q}(R^n)$');
  assert.equal(first!.link[0]!['@href'], 'https://papersift.example/papers/0704.0054');
  assert.deepEqual(first!.category.map((c) => [c['@term'], c['@label']]), [['math.CA', 'Classical Analysis and ODEs'], ['math.FA', undefined]]);
  assert.match(first!.summary['#text'], /^In this paper we consider the Hardy-Lorentz spaces \$H\^\{p,q\}\(R\^n\)\$, with \$0<p\\le 1\$/);
  assert.equal(second!.author.length, 15);
  assert.equal(second!.author[6]!.name, "P. T. O'Brien");
});

test('hostile text is escaped and control characters dropped', () => {
  const card = paperCard('0704.0001', {
    title: 'A <b>bold</b> & "quoted" title]]>\u0000\u0007',
    authors: [{ name: 'Eve <script>alert(1)</script>', key: 'eve' }],
    abstract: 'x < y && z > w \uD800 done',
  });
  const xml = feedOf([card]);
  assert.equal(XMLValidator.validate(xml), true);
  assert.doesNotMatch(xml, /<script|<b>/);
  const entry = (parser.parse(xml) as Parsed).feed.entry[0]!;
  assert.equal(entry.title['#text'], 'A <b>bold</b> & "quoted" title]]>');
  assert.equal(entry.author[0]!.name, 'Eve <script>alert(1)</script>');
  assert.equal(entry.summary['#text'], 'x < y && z > w  done');
});

test('old-style ids, undated cards and helpers', () => {
  const card = paperCard('0704.0001', { arxivId: 'hep-th/9407087', date: null });
  const entry = paperCardToAtomEntry(card, 'https://p.example/', '2025-02-03T04:05:06Z');
  assert.equal(entry.link, 'https://p.example/papers/hep-th/9407087');
  assert.equal(entry.updated, '2025-02-03T04:05:06Z');
  assert.equal(atomTime('2025-03-18'), '2025-03-18T00:00:00Z');
  assert.equal(escapeXml(`<&>"'`), '&lt;&amp;&gt;&quot;&apos;');
  const empty = renderAtom({ id: 'urn:x', title: 't', selfLink: 'https://p.example/a', alternateLink: 'https://p.example/', entries: [] });
  assert.equal(XMLValidator.validate(empty), true);
});
