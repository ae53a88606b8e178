import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DEFAULT_EXTRACT_LIMITS, ExtractError, type ExtractedArticle, type ExtractLimits } from './article.js';

/**
 * Article extraction from a web page: @mozilla/readability (Firefox Reader View's
 * algorithm) over a linkedom DOM finds the article body and drops navigation, ads, comment sections and
 * related-post lists; the body is then turned into plain text with one paragraph per block element,
 * separated by blank lines, which is the text the core aligns and the text every offset refers to.
 */

/** Elements whose content is never article text. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'FORM',
]);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
/** Stands for `<br>` while collecting text (source newlines inside text nodes are mere whitespace). */
const LINE_BREAK = '\u2029';
/** Page furniture removed before the no-article fallback reads the whole body. */
const FURNITURE = 'nav, footer, aside, form, [role=navigation], [role=contentinfo], [role=complementary]';

interface FurnitureNode {
  tagName: string;
  closest(sel: string): unknown;
  remove(): void;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Extracts the article of an HTML page as plain text. Deterministic and I/O-free (no scripts run, no
 * resources are fetched: linkedom only parses).
 */
export function extractArticle(source: string, limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS): ExtractedArticle {
  // linkedom makes the first element of a bare fragment the document element; give fragments a body.
  const html = /<(html|body)[\s>]/i.test(source)
    ? source
    : `<!doctype html><html><head></head><body>${source}</body></html>`;
  // Parsing is what costs on hostile nesting (linkedom builds the whole tree before the shape check can say no),
  // so pages certainly too deep are refused from the source first.
  if (sourceNesting(html, PRESCAN_DEPTH_FACTOR * limits.maxDepth) > PRESCAN_DEPTH_FACTOR * limits.maxDepth) {
    throw new ExtractError(
      `The page could not be parsed: elements nested deeper than the limit of ${limits.maxDepth}.`,
    );
  }
  const { document } = parseHTML(html);
  // Readability's own element limit does not see linkedom's elements; count them here.
  const elements = document.querySelectorAll('*').length;
  if (elements > limits.maxElements) {
    throw new ExtractError(
      `The page could not be parsed: ${elements} elements, more than the limit of ${limits.maxElements}.`,
    );
  }
  checkShape(document, limits);
  const meta = { siteName: metaContent(document, 'og:site_name') ?? jsonLdPublisher(document) };
  // Semantic page furniture is never article text; removing it first keeps Readability from picking up
  // menus and sidebars on short pages (where its scoring has little to go on).
  const headline = soleHeadline(document);
  for (const el of Array.from(document.querySelectorAll(FURNITURE)) as unknown as FurnitureNode[]) {
    if (el.tagName === 'FOOTER' && el.closest('article')) continue;
    el.remove();
  }
  removeClutter(document);
  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    parsed = new Readability<DomNode>(document as never, {
      maxElemsToParse: limits.maxElements,
      serializer: (n) => n as unknown as DomNode,
    }).parse();
  } catch (err) {
    throw new ExtractError(`The page could not be parsed: ${(err as Error).message}`);
  }
  let paragraphs: string[];
  let readable = true;
  let hasHeading = false;
  if (parsed?.content) {
    paragraphs = blockText(parsed.content);
    hasHeading = hasElement(parsed.content, /^H[12]$/);
  } else {
    // Readability declined (too little text, no article-like structure): read the visible body instead.
    readable = false;
    const fresh = parseHTML(html).document;
    for (const el of Array.from(fresh.querySelectorAll(`${FURNITURE}, header`)) as unknown as FurnitureNode[])
      el.remove();
    const root = (fresh.body ?? fresh.documentElement) as unknown as DomNode | null;
    paragraphs = root ? blockText(root) : [];
    hasHeading = true;
  }
  const title =
    bestTitle(clean(parsed?.title ?? ''), headline, clean(parsed?.siteName ?? '') || meta.siteName) || undefined;
  // Readability usually removes the headline from the body when it matches the page title; put it back
  // as the first paragraph (it is part of what the outlet published), unless the body kept a heading.
  if (title && !hasHeading && paragraphs[0] !== title) paragraphs.unshift(title);
  const text = paragraphs.join('\n\n');
  if (!/\S/.test(text)) throw new ExtractError('No article text was found in the HTML.');
  return {
    text,
    title,
    readable,
    byline: clean(parsed?.byline ?? '') || undefined,
    siteName: clean(parsed?.siteName ?? '') || meta.siteName,
    publishedTime: clean(parsed?.publishedTime ?? '') || undefined,
  };
}

/** The text of a DOM subtree as paragraphs: one per block element, whitespace collapsed, `<br>` kept as a line
 *  break. */
export function blockText(root: DomNode): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const p = buf.split(LINE_BREAK).map(clean).filter(Boolean).join('\n');
    if (p) out.push(p);
    buf = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      buf += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      buf += LINE_BREAK;
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
    else if (tag === 'IMG') buf += ' ';
  };
  walk(root);
  flush();
  return out;
}

/** The text of the page's only `<h1>`, if it has exactly one. */
function soleHeadline(document: QueryRoot): string {
  const h1 = document.querySelectorAll('h1');
  return h1.length === 1 ? clean(h1[0]!.textContent ?? '') : '';
}

/**
 * The headline: Readability's title keeps "Headline | Site" for short headlines, so prefer the page's sole
 * `<h1>` when the title contains it, else strip a trailing " | Site name".
 */
function bestTitle(title: string, headline: string, siteName: string | undefined): string {
  if (headline && title.includes(headline)) return headline;
  if (siteName) {
    const m = title.match(/^(.*\S)\s*[|\-–—:·»]\s*(.+)$/);
    if (m && m[2]!.trim().toLowerCase() === siteName.toLowerCase()) return m[1]!;
  }
  return title;
}

/** Class or id tokens of ads, promos, comment sections, related lists and share bars. */
const CLUTTER_WORDS =
  'ads?|advert\\w*|sponsor\\w*|promo\\w*|newsletter|related|recirc\\w*|comments?|share|sharing|social' +
  '|cookie\\w*|paywall|outbrain|taboola';
const CLUTTER = new RegExp(`(^|[\\s_-])(${CLUTTER_WORDS})([\\s_-]|$)`, 'i');

/**
 * Removes ads, comment sections, related-post lists and share bars marked as such in their class or id.
 * Readability drops most of them by itself, but on short articles it retries with its filters relaxed and
 * keeps them. Safety: an element holding most of the page's paragraph text is never removed, whatever its
 * class says (a body wrapper called "article comments-on" must survive).
 */
function removeClutter(document: QueryRoot): void {
  const paragraphText = (root: QueryRoot) =>
    Array.from(root.querySelectorAll('p')).reduce((n, p) => n + (p.textContent?.length ?? 0), 0);
  const total = paragraphText(document);
  for (const el of Array.from(document.querySelectorAll('[class], [id]')) as unknown as ClutterNode[]) {
    if (!el.isConnected || /^(HTML|BODY|ARTICLE|MAIN)$/.test(el.tagName)) continue;
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!CLUTTER.test(label)) continue;
    if (total > 0 && paragraphText(el) > total / 2) continue;
    el.remove();
  }
}

interface QueryRoot {
  querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }>;
}
interface ClutterNode extends QueryRoot {
  tagName: string;
  isConnected: boolean;
  getAttribute(name: string): string | null;
  remove(): void;
}

function hasElement(node: DomNode, tag: RegExp): boolean {
  if (node.nodeType === 1 && tag.test(node.nodeName.toUpperCase())) return true;
  for (let i = 0; i < node.childNodes.length; i++) if (hasElement(node.childNodes[i]!, tag)) return true;
  return false;
}

function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function metaContent(
  document: { querySelector(sel: string): { getAttribute(name: string): string | null } | null },
  property: string,
): string | undefined {
  const v = document.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
  return v ? clean(v) || undefined : undefined;
}

const ARTICLE_TYPES = /^(?:\w*Article|Report|BlogPosting|WebPage|NewsMediaOrganization)$/;

/**
 * The publisher named in the page's JSON-LD (schema.org `publisher.name` of an article, or a news organisation's
 * own `name`): the outlet when the page has no `og:site_name`. Malformed blocks are skipped.
 */
export function jsonLdPublisher(document: {
  querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }>;
}): string | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes: unknown[] = Array.isArray(data) ? data : [data];
    for (const node of [...nodes]) {
      const graph = (node as { '@graph'?: unknown } | null)?.['@graph'];
      if (Array.isArray(graph)) nodes.push(...graph);
    }
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const n = node as { '@type'?: unknown; name?: unknown; publisher?: unknown };
      const types = (Array.isArray(n['@type']) ? n['@type'] : [n['@type']]).map(String);
      if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
      const publisher = Array.isArray(n.publisher) ? n.publisher[0] : n.publisher;
      const name = types.includes('NewsMediaOrganization')
        ? n.name
        : (publisher as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string' && clean(name)) return clean(name);
    }
  }
  return undefined;
}

/**
 * Rejects pathological shapes before Readability sees them (it would block the thread for minutes): elements
 * come in document order, so each parent's depth is known before its children's. One pass, O(elements).
 */
/**
 * The pre-scan refuses a page whose source nests more than this many times the depth limit. The source count is
 * not the tree's depth (the parser closes some elements implicitly), so it only refuses pages far past the limit;
 * the exact check runs on the parsed tree.
 */
const PRESCAN_DEPTH_FACTOR = 4;
/** Elements that never nest in the parsed tree: void, or closed implicitly by the next one (`<p>`, `<li>`, `<a>`…). */
const FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'a',
]);
/** Elements whose content is raw text: a `<div>` inside a script is not an element. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/**
 * Nesting depth of the source's tags, counted naively (open minus close, flat elements ignored), stopping as soon
 * as it passes `stopAt`. Linear in the source.
 */
export function sourceNesting(html: string, stopAt: number): number {
  let depth = 0,
    max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name || FLAT.has(name) || m[3]) continue;
    if (m[1]) {
      if (depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      if (!close.exec(html)) break;
      TAG.lastIndex = close.lastIndex; // past `</script`: its closing tag must not close an element
      continue;
    }
    if (++depth > max && (max = depth) > stopAt) break;
  }
  return max;
}

function checkShape(document: { querySelectorAll(s: string): ArrayLike<unknown> }, limits: ExtractLimits): void {
  type El = { parentElement: El | null };
  const depth = new Map<El, number>(),
    children = new Map<El, number>();
  for (const el of Array.from(document.querySelectorAll('*')) as El[]) {
    const parent = el.parentElement;
    const d = parent ? (depth.get(parent) ?? 0) + 1 : 0;
    if (d > limits.maxDepth)
      throw new ExtractError(
        `The page could not be parsed: elements nested deeper than the limit of ${limits.maxDepth}.`,
      );
    depth.set(el, d);
    if (!parent) continue;
    const n = (children.get(parent) ?? 0) + 1;
    if (n > limits.maxChildren)
      throw new ExtractError(`The page could not be parsed: an element with more than ${limits.maxChildren} children.`);
    children.set(parent, n);
  }
}
