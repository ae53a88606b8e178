import stringSimilarity from 'string-similarity';
import { segmentArticle } from './segment.js';
import { wordDiff } from './word-diff.js';
import { annotateJournalism } from './journalism.js';
import type {
  Alignment, ArticleInput, Claim, CompareLimits, CompareResult, OriginalStatus, Paragraph, RewriteStatus, SideResult,
  Summary, Verdict,
} from './types.js';
import { DEFAULT_LIMITS } from './types.js';

/** Similarity at or above which a pair counts as aligned (baseline engine; see issue #3 for the real one). */
const ALIGN_THRESHOLD = 0.5;
/** Similarity at or above which an aligned pair counts as kept (near-verbatim). */
const KEPT_THRESHOLD = 0.9;
/** Verdict thresholds on containment, from the v1 contract. */
const WHOLLY_DERIVED = 0.8;
const PARTIALLY_DERIVED = 0.2;

/**
 * Compares an original with a rewrite: which claims were kept, paraphrased, dropped or added.
 * Pure and deterministic: no I/O, the same input always gives the same answer.
 */
export function compare(original: ArticleInput, rewrite: ArticleInput, limits: CompareLimits = DEFAULT_LIMITS): CompareResult {
  const o = buildSide(original.text, 'o', 'dropped');
  const r = buildSide(rewrite.text, 'r', 'added');
  const alignments: Alignment[] = [];
  const pairs: { oi: number; ri: number; s: number }[] = [];
  for (let oi = 0; oi < o.claims.length; oi++) {
    for (let ri = 0; ri < r.claims.length; ri++) {
      const s = stringSimilarity.compareTwoStrings(o.claims[oi]!.text, r.claims[ri]!.text);
      if (s >= ALIGN_THRESHOLD) pairs.push({ oi, ri, s });
    }
  }
  pairs.sort((a, b) => b.s - a.s || a.oi - b.oi || a.ri - b.ri);
  for (const p of pairs) {
    const oc = o.claims[p.oi]!, rc = r.claims[p.ri]!;
    if (oc.matches.length || rc.matches.length) continue;
    const status = p.s >= KEPT_THRESHOLD ? 'kept' : 'paraphrased';
    const id = `a${alignments.length + 1}`;
    oc.status = status; rc.status = status;
    oc.matches.push(rc.id); rc.matches.push(oc.id);
    oc.similarity = rc.similarity = p.s;
    oc.carried = rc.carried = p.s;
    oc.alignments.push(id); rc.alignments.push(id);
    alignments.push({ id, original: [oc.id], rewrite: [rc.id], status, similarity: p.s, moved: false,
      diff: wordDiff(oc.text, rc.text, limits.diffTimeoutMs), changes: [] });
  }
  alignments.sort((a, b) => idNum(a.original[0]!) - idNum(b.original[0]!));
  const result: CompareResult = { summary: summarise(o, r), original: o, rewrite: r, alignments, quotes: [], droppedQuotes: [] };
  annotateJournalism(result, original, rewrite, limits);
  return result;
}

function idNum(id: string): number { return Number(id.slice(1)); }

function buildSide(text: string, prefix: 'o' | 'r', unaligned: 'dropped' | 'added'): SideResult {
  const paragraphs: Paragraph[] = [];
  const claims: Claim[] = [];
  const segmented = segmentArticle(text);
  segmented.paragraphs.forEach((seg, index) => {
    const ids: string[] = [];
    for (const s of seg.sentences) {
      const id = `${prefix}${claims.length + 1}`;
      ids.push(id);
      claims.push({ id, paragraph: index, start: s.start, end: s.end, text: text.slice(s.start, s.end), status: unaligned,
        matches: [], similarity: 0, carried: 0, alignments: [] });
    }
    paragraphs.push({ index, start: seg.start, end: seg.end, claims: ids, matches: [] });
  });
  return { paragraphs, claims, boilerplate: segmented.boilerplate };
}

function summarise(o: SideResult, r: SideResult): Summary {
  const share = (claims: Claim[]) => {
    const total = claims.reduce((n, c) => n + c.text.length, 0);
    const aligned = claims.reduce((n, c) => n + (c.status === 'kept' || c.status === 'paraphrased' ? c.text.length : 0), 0);
    return total ? aligned / total : 0;
  };
  const coverage = share(o.claims), containment = share(r.claims);
  const count = <S extends string>(claims: Claim[], keys: S[]) =>
    Object.fromEntries(keys.map((k) => [k, claims.filter((c) => c.status === k).length])) as Record<S, number>;
  const verdict: Verdict = containment >= WHOLLY_DERIVED ? 'wholly_derived' : containment >= PARTIALLY_DERIVED ? 'partially_derived' : 'independent';
  return {
    verdict, coverage, containment,
    counts: {
      original: count<OriginalStatus>(o.claims, ['kept', 'paraphrased', 'dropped']),
      rewrite: count<RewriteStatus>(r.claims, ['kept', 'paraphrased', 'added']),
    },
    attribution: { credited: false, evidence: [], names: [] },
    quotes: { verbatim: 0, altered: 0, from_narration: 0, not_in_original: 0, dropped: 0, speakerChanged: 0 },
    changedFacts: 0,
    flags: [],
  };
}
