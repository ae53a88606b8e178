import type { ArticleInput, Attribution, TextSpan } from '../types.js';
import { sameOutlet } from './outlet-names.js';

/**
 * Does the rewrite credit the original's outlet? A credit is the outlet's name next to a citation cue
 * ("according to The Atlantic", "citing Atlantic", "told The Atlantic", "The Atlantic reported", "(The Atlantic)")
 * or a link to its domain. A bare mention that is not a citation ("the Atlantic Ocean", "trans-Atlantic") does
 * not count, so the name is only accepted where such a cue stands beside it.
 */

/** Cues that precede the outlet's name in a credit; the name must follow within a few words. */
const BEFORE_CUES =
  String.raw`according\s+to|reports|reported|writes|wrote|notes|says|said|citing|cited\s+by|cites|via|per` +
  String.raw`|reported\s+by|reports?\s+by|as\s+reported\s+(?:by|in)|first\s+reported\s+(?:by|in)` +
  String.raw`|reported\s+in|told|said\s+to|speaking\s+to|in\s+an\s+interview\s+with|interview\s+with` +
  String.raw`|(?:wrote|writes|writing)\s+in|published\s+(?:by|in)|quoted\s+by|quoted\s+in|source:` +
  String.raw`|sources?:|courtesy\s+of|credit:|(?:a\s+)?report\s+(?:by|in|from)` +
  String.raw`|an?\s+(?:article|story|piece|investigation)\s+(?:by|in|from)|reporting\s+(?:by|from)` +
  String.raw`|(?:writing|wrote|writes)\s+for|(?:an?\s+)?(?:article|piece|column|essay|op-ed)\s+for`;
/** Verbs that follow the outlet's name in a credit ("The Atlantic reported"). */
const AFTER_CUES =
  String.raw`reports?|reported|reporting|first\s+reported|wrote|writes|said|says|cited|revealed|published` +
  String.raw`|noted|learned|found|obtained|has\s+reported|was\s+first\s+to\s+report`;

/** Descriptors between an outlet's name and its verb ("Atlantic magazine reported"). */
const KIND =
  String.raw`magazine|newspaper|news\s+agency|agency|outlet|daily|weekly|website|site|publication|network` +
  '|broadcaster';

/** The names to look for: the outlet, its aliases, its URL's domain, and each without a leading "The". */
export function outletNames(original: ArticleInput): string[] {
  const names: string[] = [];
  const add = (n: string | undefined) => {
    const t = n?.trim();
    if (t && !names.some((x) => x.toLowerCase() === t.toLowerCase())) names.push(t);
  };
  add(original.outlet);
  for (const a of original.aliases ?? []) add(a);
  const domain = domainOf(original.url);
  if (domain) add(domain);
  for (const n of [...names]) if (/^the\s+/i.test(n)) add(n.replace(/^the\s+/i, ''));
  return names;
}

function domainOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url.includes('://') ? url : `https://${url}`).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Cues after which a rewrite names the source it relies on ("citing Atlantic", "as reported by Reuters"). Narrower
 * than BEFORE_CUES: "told", "said" or "according to" are followed by people at least as often as by outlets.
 */
const SOURCE_CUES =
  String.raw`citing|cited\s+by|(?:first\s+|as\s+)?reported\s+(?:by|in)|(?:an?\s+)?report\s+(?:by|in|from)` +
  String.raw`|according\s+to\s+(?:an?\s+)?(?:report|article|story|investigation)\s+(?:by|in|from)|via` +
  String.raw`|courtesy\s+of`;
/** Up to five words on the cue's line after a source cue; `citedSources` keeps the leading capitalised ones. */
const SOURCE_WORDS = String.raw`[\p{L}\p{N}][^\s]*(?:[ \t\u00a0]+[^\s]+){0,4}`;

/**
 * The sources a rewrite credits in its own words: the capitalised name after a source cue ("Caliber.Az reports,
 * citing Atlantic" → "Atlantic"), as spans of the rewrite with the whole credit (`credit`) beside the name.
 */
export function citedSources(rewriteText: string): { name: TextSpan; credit: TextSpan }[] {
  const out: { name: TextSpan; credit: TextSpan }[] = [];
  const re = new RegExp(String.raw`(?<![\p{L}])(?:${SOURCE_CUES})\s+(?:the\s+)?(${SOURCE_WORDS})`, 'giu');
  for (const m of rewriteText.matchAll(re)) {
    const start = m.index + m[0].length - m[1]!.length;
    const length = nameLength(m[1]!);
    if (!length) continue;
    const end = start + length;
    out.push({
      name: { start, end, text: rewriteText.slice(start, end) },
      credit: { start: m.index, end, text: rewriteText.slice(m.index, end) },
    });
  }
  return out;
}

/**
 * Length of the name that opens `words`: capitalised words, joined by "of" or "&" ("Council of Europe");
 * punctuation after a word ends the name ("citing Atlantic." / "citing Reuters, the paper said"), a possessive too.
 */
function nameLength(words: string): number {
  let end = 0;
  const re = /([^ \t\u00a0]+)([ \t\u00a0]*)/gu;
  for (let m = re.exec(words); m; m = re.exec(words)) {
    const word = m[1]!;
    if (/^(?:of|&)$/.test(word) && end) continue;
    if (!/^\p{Lu}/u.test(word)) break;
    const core = /^(?:[\p{L}\p{N}&-]+(?:\.[\p{L}\p{N}]+)*)/u.exec(word)![0];
    end = m.index + core.length;
    if (core.length < word.length) break;
  }
  return end;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * Finds the credits to the original's outlet in the rewrite. `credited` is true when at least one citation of a
 * name (or a link to the domain) is found, false when none is; with no outlet known nothing can be looked for, and
 * `credited` is null ("not checked"), never false: a missing outlet is not a missing credit. The sources the rewrite
 * cites are listed either way; one spelled like a name of the outlet ("Atlantic" for "theatlantic.com") is a credit.
 */
export function findAttribution(original: ArticleInput, rewriteText: string): Attribution {
  const names = outletNames(original);
  const evidence: TextSpan[] = [];
  const seen = new Set<number>();
  const push = (start: number, end: number) => {
    if (seen.has(start)) return;
    seen.add(start);
    evidence.push({ start, end, text: rewriteText.slice(start, end) });
  };
  for (const name of names) {
    const core = escapeRegExp(name);
    // Every pattern below contains the name itself: a rewrite that never spells it has none of them (an exact
    // pre-test, cheap next to the cue alternations tried at every position; most rewrites never name the outlet).
    if (!new RegExp(core, 'iu').test(rewriteText)) continue;
    if (/^[\w-]+(?:\.[\w-]+)+$/.test(name)) {
      // A domain-like name: a link or bare domain (https://www.theatlantic.com/…, theatlantic.com) is a credit.
      const link = new RegExp(String.raw`(?:https?://)?(?:[\w-]+\.)*${core}(?:/[^\s)\]>"”]*)?`, 'giu');
      for (const m of rewriteText.matchAll(link)) {
        const before = rewriteText[m.index - 1] ?? ' ';
        if (/[\w-]/.test(before) && !m[0].startsWith('http')) continue;
        push(m.index, m.index + m[0].length);
      }
    }
    // The name as a whole word (not "trans-Atlantic"), optionally preceded by "the" and followed by a possessive,
    // and not continued by another capitalised word of a longer name ("Atlantic Ocean", "Atlantic Council").
    // (The capitalised-continuation test runs on the match, outside the case-insensitive regex, where \p{Lu} would
    // also match lower case.)
    const nameRe = String.raw`(?<![\p{L}\p{N}\-.])(?:the\s+)?${core}(?:['’]s)?(?![\p{L}\p{N}]|-\p{L})`;
    const longerName = (end: number) => /^\s+\p{Lu}\p{Ll}/u.test(rewriteText.slice(end, end + 3));
    const before = new RegExp(
      String.raw`(?<![\p{L}])(?:${BEFORE_CUES})\s+(?:an?\s+` +
        String.raw`|the\s+)?(?:(?:article|report|story|piece|interview|investigation)\s+(?:in|by` +
        String.raw`|from)\s+)?${nameRe}`,
      'giu',
    );
    // After a possessive the next capitalised word is a person ("told CNN’s Jake Tapper"), not a longer name.
    for (const m of rewriteText.matchAll(before))
      if (/['’]s$/u.test(m[0]) || !longerName(m.index + m[0].length)) push(m.index, m.index + m[0].length);
    const after = new RegExp(
      String.raw`${nameRe}(?:\s+(?:${KIND}))?(?:\s+(?:also|first|earlier|previously|recently` +
        String.raw`|later))?\s+(?:${AFTER_CUES})\b`,
      'giu',
    );
    for (const m of rewriteText.matchAll(after)) push(m.index, m.index + m[0].length);
    // A byline naming the outlet ("By The Associated Press", "By Reuters staff") on a line of its own.
    const byline = new RegExp(
      String.raw`(?:^|\n)[ \t]*by\s+${nameRe}(?:\s+(?:staff|reporters?|wire))?[ \t]*(?=\n|$)`,
      'giu',
    );
    for (const m of rewriteText.matchAll(byline)) {
      const lead = m[0].length - m[0].trimStart().length;
      push(m.index + lead, m.index + m[0].length);
    }
    const paren = new RegExp(String.raw`[(\[]\s*${nameRe}\s*[)\]]`, 'giu');
    for (const m of rewriteText.matchAll(paren)) push(m.index, m.index + m[0].length);
  }
  const cited = citedSources(rewriteText);
  for (const c of cited) if (sameOutlet(c.name.text, names)) push(c.credit.start, c.credit.end);
  evidence.sort((a, b) => a.start - b.start);
  return { credited: names.length ? evidence.length > 0 : null, evidence, names, cited: cited.map((c) => c.name) };
}
