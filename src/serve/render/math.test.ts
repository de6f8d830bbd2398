import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkHtml, isClean } from '../../../test/support/html-check.js';
import { isSafeHttpUrl, renderPlain, renderRichText, renderTitle, splitTex, trimUrl } from './math.js';

/** Asserts the HTML is safe and well formed, with a readable failure. */
function assertSafe(html: string): void {
  const report = checkHtml(html);
  assert.ok(isClean(report), JSON.stringify(report, null, 2));
  // Text `<` is always escaped, so any `<` left starts a real tag: look for handlers inside tags only.
  assert.ok(!/<script/i.test(html), 'a <script> tag');
  assert.ok(!/<[^>]*\son[a-z]+\s*=/i.test(html), 'an on…= attribute');
  assert.ok(!/<[^>]*(?:href|src)\s*=\s*(?!"?https?:)/i.test(html), 'a non-http(s) href/src');
  assert.ok(!/<[^>]*javascript:/i.test(html), 'javascript: inside a tag');
}

describe('splitTex', () => {
  test('finds the four delimiter kinds', () => {
    const segs = splitTex('a $x$ b $$y$$ c \\(z\\) d \\[w\\] e');
    assert.deepEqual(
      segs.map((s) => (s.kind === 'text' ? s.text : `${s.display ? 'D' : 'I'}:${s.tex}`)),
      ['a ', 'I:x', ' b ', 'D:y', ' c ', 'I:z', ' d ', 'D:w', ' e'],
    );
  });

  test('an escaped dollar is literal text, outside and inside math', () => {
    assert.deepEqual(splitTex('costs \\$5 and \\$10'), [{ kind: 'text', text: 'costs $5 and $10' }]);
    const segs = splitTex('price $a\\$b$ ok');
    assert.equal(segs[1]?.kind === 'math' && segs[1].tex, 'a\\$b');
  });

  test('unbalanced delimiters stay as text', () => {
    assert.deepEqual(splitTex('a $ b'), [{ kind: 'text', text: 'a $ b' }]);
    assert.deepEqual(splitTex('open \\( never closed'), [{ kind: 'text', text: 'open \\( never closed' }]);
    assert.deepEqual(splitTex('$$ x'), [{ kind: 'text', text: '$$ x' }]);
  });

  test('an escaped backslash before a dollar does not escape it', () => {
    const segs = splitTex('a\\\\$x$');
    assert.equal(segs.length, 2);
    assert.equal(segs[1]?.kind, 'math');
  });
});

describe('renderRichText', () => {
  test('typesets math with KaTeX (HTML and MathML) and escapes the text around it', () => {
    const html = renderRichText('Given a path formula $\\varphi$, the <best> & fastest.');
    assert.match(html, /class="katex"/);
    assert.match(html, /<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
    assert.match(html, /the &lt;best&gt; &amp; fastest\./);
    assertSafe(html);
  });

  test('display math is a katex-display block, or inline for titles', () => {
    assert.match(renderRichText('see $$E=mc^2$$ here'), /katex-display/);
    assert.doesNotMatch(renderTitle('see $$E=mc^2$$ here'), /katex-display/);
  });

  test('a script tag in plain text is escaped', () => {
    const html = renderRichText('<script>alert(1)</script> done');
    assert.match(html, /^&lt;script&gt;alert\(1\)&lt;\/script&gt; done$/);
    assertSafe(html);
  });

  test('a script tag inside math is typeset as symbols, never markup', () => {
    const html = renderRichText('$<script>alert(1)</script>$ and \\(<img src=x onerror=alert(1)>\\)');
    assertSafe(html);
    assert.doesNotMatch(html, /<img/);
  });

  test('untrusted KaTeX commands render as errors, never as links, classes, data or images', () => {
    const inputs = [
      '$\\href{javascript:alert(1)}{x}$',
      '$\\url{javascript:alert(1)}$',
      '$\\htmlData{foo=bar}{x}$',
      '$\\htmlClass{evil}{x}$',
      '$\\htmlId{evil}{x}$',
      '$\\htmlStyle{background:url(javascript:alert(1))}{x}$',
      '$\\includegraphics{https://evil.example/x.png}$',
    ];
    for (const input of inputs) {
      const html = renderRichText(input);
      assertSafe(html);
      assert.doesNotMatch(html, /<a |<img|data-foo|class="[^"]*evil|id="evil"|style="background/, input);
    }
  });

  test('macro bombs stop at the expansion limit', () => {
    const bombs = [
      '$\\def\\a{\\a\\a}\\a$',
      '$\\newcommand{\\x}{\\y\\y\\y\\y}\\newcommand{\\y}{\\z\\z\\z\\z}\\newcommand{\\z}{\\w\\w\\w\\w}\\newcommand{\\w}{\\v\\v\\v\\v}\\newcommand{\\v}{aaaa}\\x\\x\\x\\x$',
      '$\\def\\a#1{#1#1}\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{x}}}}}}}}}}$',
    ];
    for (const bomb of bombs) {
      const started = process.hrtime.bigint();
      const html = renderRichText(bomb);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(html.length < 100_000, `output ${html.length} chars for ${bomb}`);
      assert.ok(ms < 1000, `${ms} ms for ${bomb}`);
      assertSafe(html);
    }
  });

  test('macros defined in one formula do not leak into the next', () => {
    renderRichText('$\\gdef\\leak{LEAKED}\\leak$');
    assert.doesNotMatch(renderRichText('$\\leak$'), /LEAKED/);
  });

  test('unbalanced braces and dollars produce well-formed output', () => {
    for (const input of ['$x^{2$ and $}$', '$$\\frac{1}{$$', 'a $ b $$ c \\[ d', '$\\left( x$', '{{{ $a$ }}']) {
      assertSafe(renderRichText(input));
    }
  });

  test('a 3,000-character abstract with math renders safely', () => {
    const sentence = 'We bound the regret by $O(\\sqrt{T \\log |\\mathcal{A}|})$ for <all> policies & show it is tight. ';
    const abstract = sentence.repeat(Math.ceil(3000 / sentence.length)).slice(0, 3000);
    const html = renderRichText(abstract);
    assert.ok(html.includes('&lt;all&gt; policies &amp; show'));
    assertSafe(html);
  });

  test('a 200-author list renders as escaped text', () => {
    const names = Array.from({ length: 200 }, (_, i) => `Author <${i}> & Co`).join(', ');
    const html = renderRichText(names);
    assert.equal((html.match(/&lt;\d+&gt; &amp; Co/g) ?? []).length, 200);
    assertSafe(html);
  });
});

describe('links in plain text', () => {
  test('http(s) URLs become nofollow links without their trailing punctuation', () => {
    const html = renderPlain('Code: https://github.com/a/b. See (https://x.org/p_(1)), and http://y.org/q?a=1&b=2!');
    assert.match(html, /<a href="https:\/\/github.com\/a\/b" rel="nofollow noopener noreferrer">https:\/\/github.com\/a\/b<\/a>\. See/);
    assert.match(html, /<a href="https:\/\/x.org\/p_\(1\)" [^>]*>https:\/\/x.org\/p_\(1\)<\/a>\),/);
    assert.match(html, /<a href="http:\/\/y.org\/q\?a=1&amp;b=2" [^>]*>http:\/\/y.org\/q\?a=1&amp;b=2<\/a>!/);
    assertSafe(html);
  });

  test('javascript:, data: and other schemes are never linked', () => {
    const html = renderRichText('javascript:alert(1) data:text/html,<b>x</b> \\url{javascript:alert(1)} \\href{javascript:alert(1)}{click} ftp://x.org vbscript:x');
    assert.doesNotMatch(html, /<a /);
    assert.match(html, /click/);
    assertSafe(html);
  });

  test('\\url and \\href with http(s) targets become links', () => {
    const html = renderPlain('Data at \\url{https://zenodo.org/r/1} and \\href{https://example.org/x}{our site}.');
    assert.match(html, /<a href="https:\/\/zenodo.org\/r\/1" [^>]*>https:\/\/zenodo.org\/r\/1<\/a>/);
    assert.match(html, /<a href="https:\/\/example.org\/x" [^>]*>our site<\/a>\./);
  });

  test('a quote cannot break out of the href', () => {
    const html = renderPlain('https://x.org/"onmouseover="alert(1) and https://x.org/a\'b');
    assertSafe(html);
  });

  test('titles get no links', () => {
    assert.doesNotMatch(renderTitle('A tool at https://x.org'), /<a /);
  });

  test('text-mode macros, escapes and dashes read as TeX means them', () => {
    assert.equal(renderPlain('\\emph{very} \\textbf{bold} 5\\% a--b a---b \\& \\texttt{<x>}'), '<em>very</em> <strong>bold</strong> 5% a\u2013b a\u2014b &amp; <code>&lt;x&gt;</code>');
  });

  test('trimUrl and isSafeHttpUrl', () => {
    assert.equal(trimUrl('https://a.org/x).'), 'https://a.org/x');
    assert.equal(trimUrl('https://en.wikipedia.org/wiki/A_(b)'), 'https://en.wikipedia.org/wiki/A_(b)');
    assert.equal(isSafeHttpUrl('https://a.org'), true);
    assert.equal(isSafeHttpUrl('javascript:alert(1)'), false);
    assert.equal(isSafeHttpUrl('https:alert(1)'), false);
    assert.equal(isSafeHttpUrl('HTTPS://A.ORG/x'), true);
  });
});
