import { parseHTML } from 'linkedom';
import t from 'tap';
import { DEFAULT_EXTRACT_LIMITS, ExtractError } from '../../src/extract/article.js';
import { blockText, extractArticle, sourceNesting } from '../../src/extract/html.js';
import { FURNITURE_STRINGS, newsPage } from '../fixtures/html-page.js';
import { seeds } from '../fixtures/seeds.js';

const paragraphs = seeds.atlantic
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean)
  .slice(4, 14);

t.test('a news page: the article body survives, navigation, ads, comments and related posts do not', async (t) => {
  const page = extractArticle(newsPage('Trump Hands Putin Another Victory', paragraphs));
  t.equal(page.readable, true);
  t.equal(page.siteName, 'Example Media');
  t.match(page.title, /Trump Hands Putin Another Victory/);
  const got = page.text.split('\n\n');
  for (const p of paragraphs) t.ok(got.includes(p.replace(/\s+/g, ' ')), `paragraph kept whole: ${p.slice(0, 40)}…`);
  for (const junk of FURNITURE_STRINGS) t.notOk(page.text.includes(junk), `no furniture: ${junk}`);
  t.notMatch(page.text, /window\.tracker|font-family/, 'no script or style text');
  t.equal(got[0], page.title, 'the headline is the first paragraph');
});

t.test('fragments, line breaks and the no-article fallback', async (t) => {
  const frag = extractArticle('<p>First line <b>bold</b><br>second line</p><p>Next\n   paragraph.</p>');
  t.equal(frag.text, 'First line bold\nsecond line\n\nNext paragraph.');
  const fallback = extractArticle(
    '<html><body><nav>Home World</nav><div>Short note.</div><footer>© X</footer></body></html>',
  );
  t.match(fallback.text, /Short note\./);
  t.notMatch(fallback.text, /Home World|© X/);
});

t.test('pages without text are an ExtractError', async (t) => {
  t.throws(() => extractArticle('<html><body><script>alert(1)</script><div>   </div></body></html>'), ExtractError);
  t.throws(
    () =>
      extractArticle(`${'<html><body><p>x</p>'.padEnd(50, ' ')}</body></html>`, {
        ...DEFAULT_EXTRACT_LIMITS,
        maxElements: 1,
      }),
    { name: 'ExtractError', message: /could not be parsed/ },
  );
});

t.test('blockText: one paragraph per block, scripts skipped', async (t) => {
  const { document } = parseHTML(
    '<html><body><div>a <span>b</span><ul><li>c</li><li>d</li></ul><script>x</script>e</div></body></html>',
  );
  t.same(blockText(document.body as never), ['a b', 'c', 'd', 'e']);
});

t.test('pages nested far past the depth limit are refused from the source, before parsing', async (t) => {
  const cases: [string, string, number][] = [
    ['nested divs', '<div><div><section>x</section></div></div>', 3],
    ['closed siblings do not add up', '<div>a</div><div>b</div><div>c</div>', 1],
    [
      'unclosed paragraphs and list items are flat',
      `<div>${'<p>para'.repeat(50)}<ul>${'<li>item'.repeat(50)}</ul></div>`,
      2,
    ],
    ['void and self-closing elements are flat', `<div>${'<br><img src=x><svg/>'.repeat(20)}</div>`, 1],
    [
      'markup inside scripts, styles and comments is text',
      `<div><script>document.write("${'<div>'.repeat(30)}")</script><!--` +
        ` ${'<div>'.repeat(30)} --><style>a{}</style></div>`,
      1,
    ],
    ['a stray closing tag does not go below zero', '</div></div><div>x</div>', 1],
    ["a raw-text element's closing tag closes nothing else", '<div><section><script>x</script><p>y</section></div>', 2],
    ['…and its depth is counted from where it sits', `<div><div><style>p{}</style><div>x</div></div></div>`, 3],
  ];
  for (const [name, html, want] of cases) t.equal(sourceNesting(html, 1000), want, name);
  t.equal(sourceNesting('<div>'.repeat(10_000), 20), 21, 'stops counting past the limit');
  t.throws(() => extractArticle(`${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}`), {
    name: 'ExtractError',
    message: /nested deeper than the limit of 150/,
  });
});

t.test('the outlet of a page without og:site_name comes from its JSON-LD publisher', async (t) => {
  const ld = (data: unknown) =>
    `<html><head><script type="application/ld+json">${JSON.stringify(data)}</script></head>` +
    `<body><article><h1>Talks stall</h1>${paragraphs
      .slice(0, 4)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
  const cases: [unknown, string | undefined][] = [
    [
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        publisher: { '@type': 'Organization', name: 'The Atlantic' },
      },
      'The Atlantic',
    ],
    [
      {
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          { '@type': ['Article'], publisher: [{ name: ' Caliber.Az ' }] },
        ],
      },
      'Caliber.Az',
    ],
    [{ '@type': 'NewsMediaOrganization', name: 'Reuters' }, 'Reuters'],
    [{ '@type': 'Person', name: 'Jake Sullivan' }, undefined],
  ];
  for (const [data, outlet] of cases) t.equal(extractArticle(ld(data)).siteName, outlet, JSON.stringify(data));
  const broken =
    `<html><head><script type="application/ld+json">{not` +
    ` json</script></head><body><p>${paragraphs[0]}</p></body></html>`;
  t.equal(extractArticle(broken).siteName, undefined, 'a malformed block is skipped');
});
