import { segmentArticle, type Segment } from './segment/article.js';
import { ANALYSIS_CACHE_CHARS, ANALYSIS_CACHE_ENTRY_CHARS, AnalysisCache } from './analysis-cache.js';
import { PairWords, TextWords } from './classify/group-words.js';
import { annotateJournalism, textMemo, type TextMemo } from './checks/journalism.js';
import { claimTerms, spanTermsInto, type ClaimWords } from './terms/tokens.js';
import { TextTermsBuilder, Vocabulary, type ClaimVector, type TextTerms } from './terms/vocabulary.js';
import { scorePair } from './match/pair-score.js';
import { pairBeliefs, type CompareResources } from './match/pair-beliefs.js';
import { PairScorer, SCORE_FIELDS, StoredPair } from './match/batch-scorer.js';
import { candidatePairs } from './match/candidates.js';
import { ALIGN_THRESHOLDS, alignClaims, groupLinks, movedGroups, pairSims, type GroupCoverage, type ScoredPair } from './align/align.js';
import { commonWords, concatIds, keptStatus, shareOf } from './classify/kept.js';
import { copiedPairs, textShingles, type TextShingles } from './match/copied-runs.js';
import { isReportingFrame } from './terms/frame-words.js';
import { summarise } from './classify/summary.js';
import { lexiconForCore } from './lexicon.js';
import type { Alignment, ArticleInput, Boilerplate, Claim, CompareLimits, CompareResult, Paragraph, SideResult } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

/**
 * Compares an original with a rewrite: which claims were kept, paraphrased, dropped or added.
 * Pipeline: segment (content paragraphs/sentences, boilerplate aside) → lemmatise → weight terms (Zipf
 * background IDF × in-document IDF) → candidate pairs (inverted index on long texts) → soft IDF-weighted
 * similarity with word vectors → align (anchors, supported matches, splits/merges) → classify kept vs
 * paraphrased → word diff inside groups → moves → paragraph matches → summary → journalism checks.
 * Pure and deterministic: the only resource, the word-vector lexicon, is loaded once and injected through
 * `lexicon.ts`; the same input always gives the same answer.
 */
export function compare(original: ArticleInput, rewrite: ArticleInput, limits: CompareLimits = DEFAULT_LIMITS,
  resources: CompareResources = {}): CompareResult {
  // Each text is read by wink once (issue #6): segmentation and the claims' terms come from the same read.
  const [o, oa, oMemo] = buildSide(original.text.slice(0, limits.maxChars), original.text, 'o', 'dropped');
  const [r, ra, rMemo] = buildSide(rewrite.text.slice(0, limits.maxChars), rewrite.text, 'r', 'added');
  const oKey = oa.wordKeys, rKey = ra.wordKeys;

  const vocab = new Vocabulary(lexiconForCore());
  const ov = vocab.internText(oa.termIndex), rv = vocab.internText(ra.termIndex);
  const copied = copiedPairs(oa.shingles, ra.shingles);
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const v of ov) for (const id of v.ids) df[id]!++;
  for (const v of rv) for (const id of v.ids) df[id]!++;
  vocab.setDocumentFrequencies(df, ov.length + rv.length);
  vocab.prepareTexts(oa.termIndex, ra.termIndex);

  const candidates = candidatePairs(vocab, ov, rv, limits.maxCandidatesPerClaim);
  const candidateCount = candidates.reduce((n, l) => n + l.length, 0);
  const scorer = new PairScorer(vocab, ov, rv, candidateCount);
  // Scores in one array, each pair a view of its slice (`StoredPair`): one slice per candidate, and one of ones
  // that every rank-paired copy reads.
  const ones = candidateCount * SCORE_FIELDS;
  const store = new Float64Array(ones + SCORE_FIELDS).fill(1, ones);
  let at = 0;
  const pairs: ScoredPair[] = [];
  // Verbatim copies are evidence on their own, however short ("Yes.", a one-word quote): identical word
  // sequences score 1 whatever their content weight.
  // A sentence repeated on both sides ("Yes.", a refrain) pairs its occurrences in order: the k-th copy in the
  // rewrite with the copies ranked k ± VERBATIM_RANK_WINDOW in the original (symmetric by construction, and
  // O(n·window) pairs instead of every copy with every copy: 5,000 × 3,000 identical lines were 15 M pairs).
  const verbatim = new Map<string, number[]>(), rewriteRank = new Map<string, number>();
  ov.forEach((v, oi) => { if (v.words.length) { const k = oKey[oi]!; let l = verbatim.get(k); if (!l) verbatim.set(k, l = []); l.push(oi); } });
  candidates.forEach((list, ri) => {
    const key = rKey[ri]!;
    const copies = rv[ri]!.words.length ? verbatim.get(key) ?? [] : [];
    const rank = rewriteRank.get(key) ?? 0;
    if (copies.length) rewriteRank.set(key, rank + 1);
    for (const oi of list) {
      if (copies.length && oKey[oi] === key) continue; // a copy: paired by rank below
      scorer.queue(oi, ri, at);
      pairs.push(new StoredPair(store, at, oi, ri, copied.has(oi * rv.length + ri)));
      at += SCORE_FIELDS;
    }
    for (const oi of copies.slice(Math.max(0, rank - VERBATIM_RANK_WINDOW), rank + VERBATIM_RANK_WINDOW + 1)) {
      pairs.push(new StoredPair(store, ones, oi, ri, true));
    }
  });
  scorer.flush(store);
  const pairSim = pairSims(pairs, o.claims.length, r.claims.length);
  // How well a group of claims of one side explains a claim of the other (union of their terms, key order).
  // Each claim's ids are already in key order (toClaimVector; `content` only filters), so the union is a merge:
  // the same sorted, deduplicated list as sorting the concatenation (keys are distinct per id), without a sort.
  const keys = vocab.keys;
  const merge = (x: number[], y: number[]): number[] => {
    const out: number[] = [];
    let i = 0, j = 0;
    while (i < x.length && j < y.length) {
      const a = x[i]!, b = y[j]!;
      if (a === b) { out.push(a); i++; j++; } else if (keys[a]! < keys[b]!) { out.push(a); i++; } else { out.push(b); j++; }
    }
    while (i < x.length) out.push(x[i++]!);
    while (j < y.length) out.push(y[j++]!);
    return out;
  };
  const unionOf = (vs: ClaimVector[]): ClaimVector => {
    let ids: number[] = vs.length ? vs[0]!.ids : [];
    for (let k = 1; k < vs.length; k++) ids = merge(ids, vs[k]!.ids);
    return { ids, words: [] };
  };
  // How much of a claim a group explains (carried share): context merges/splits join only if they add to it.
  // Measured without the reporting frame ("told reporters"): a part must add content, not attribution.
  // Computed on first use (only claims near a split or merge need them), the frame test once per term.
  const frame = new Int8Array(vocab.keys.length).fill(-1);
  const isFrame = (id: number) => (frame[id] === -1 ? (frame[id] = isReportingFrame(vocab.lemmas[id]!, vocab.keys[id]!) ? 1 : 0) : frame[id]) === 1;
  const content = (v: ClaimVector): ClaimVector => ({ ids: v.ids.filter((id) => !isFrame(id)), words: v.words });
  const ovContent: ClaimVector[] = [], rvContent: ClaimVector[] = [];
  const oContent = (i: number) => (ovContent[i] ??= content(ov[i]!)), rContent = (i: number) => (rvContent[i] ??= content(rv[i]!));
  // The alignment asks for the same group again and again (a claim's group without and with each neighbour):
  // each distinct (claim, partners) is scored once.
  const coverageMemo = new Map<string, number>();
  const groupCoverage: GroupCoverage = (side, i, partners) => {
    const key = `${side}${i}:${partners.join(',')}`;
    let c = coverageMemo.get(key);
    if (c === undefined) {
      c = side === 'o' ? scorePair(vocab, oContent(i), unionOf(partners.map(rContent))).carriedA
        : scorePair(vocab, unionOf(partners.map(oContent)), rContent(i)).carriedB;
      coverageMemo.set(key, c);
    }
    return c;
  };
  // The pair model's belief that two claims carry the same content gates the alignment's rules (no model: all 1).
  const beliefs = pairBeliefs(pairs, pairSim, vocab, ov, rv, resources);
  const thresholds = resources.pairModel || resources.thresholds
    ? { ...ALIGN_THRESHOLDS, ...resources.pairModel?.gates, ...resources.thresholds } : ALIGN_THRESHOLDS;
  const links = alignClaims(pairs, o.claims.length, r.claims.length, thresholds, groupCoverage, pairSim, beliefs);
  const groups = groupLinks(links);
  // A claim's `matches` are its own links, not every member of its group: a chain (A–X, A–Y, B–Y) makes one
  // group, yet B does not carry X's content.
  const oDirect: number[][] = o.claims.map(() => []), rDirect: number[][] = r.claims.map(() => []);
  for (const l of links) { oDirect[l.oi]!.push(l.ri); rDirect[l.ri]!.push(l.oi); }
  const moved = movedGroups(groups);

  // A text cut at maxChars gets a memo for this compare only: its claims' texts are slices of the longer submitted
  // text, which the cached analysis (accounted by the cut text's length) must not keep alive.
  const words = (a: TextAnalysis, full: string) => (full.length > limits.maxChars ? new TextWords() : a.words ??= new TextWords());
  const pairWords = new PairWords(words(oa, original.text), words(ra, rewrite.text));
  const alignments: Alignment[] = groups.map((g, gi) => {
    const id = `a${gi + 1}`;
    const oc = g.original.map((i) => o.claims[i]!), rc = g.rewrite.map((i) => r.claims[i]!);
    const oUnion = unionOf(g.original.map((i) => ov[i]!)), rUnion = unionOf(g.rewrite.map((i) => rv[i]!));
    // Kept vs paraphrased: each claim's words against its partners' words by LCS on interned ids; in a one-to-one
    // group one LCS serves both claims (it is symmetric, as is the edit bound).
    const [oIds, rIds] = pairWords.groupWords(g.original, g.original.map((i) => ov[i]!.words), g.rewrite, g.rewrite.map((i) => rv[i]!.words));
    const oAll = concatIds(oIds), rAll = concatIds(rIds);
    const oneToOne = oIds.length === 1 && rIds.length === 1 ? commonWords(oAll, rAll, limits.maxDiffEdits) : null;
    for (const [claims, own, ownKeys, vecs, ids, partnerIds, otherVecs, otherKeys, partner, others, otherIdx, direct, isOriginal] of [
      [oc, g.original, oKey, g.original.map((i) => ov[i]!), oIds, rAll, rv, rKey, rUnion, rc, g.rewrite, oDirect, true],
      [rc, g.rewrite, rKey, g.rewrite.map((i) => rv[i]!), rIds, oAll, ov, oKey, oUnion, oc, g.original, rDirect, false],
    ] as const) {
      // All the partners' words joined by spaces: their joined keys (a partner without words adds nothing).
      const partnerText = otherIdx.filter((j) => otherVecs[j]!.words.length).map((j) => otherKeys[j]!).join(' ');
      claims.forEach((c, k) => {
        const v = vecs[k]!, ci = own[k]!;
        const s = scorePair(vocab, v, partner);
        const common = oneToOne ?? commonWords(ids[k]!, partnerIds, limits.maxDiffEdits);
        c.status = keptStatus(shareOf(common, v.words.length), v.words.length, partnerIds.length);
        let sim = s.sim;
        for (const j of otherIdx) sim = Math.max(sim, isOriginal ? pairSim(ci, j) : pairSim(j, ci));
        c.similarity = round(sim);
        c.carried = round(v.words.length && ownKeys[ci] === partnerText ? 1 : s.carriedA);
        const mine = direct[ci]!;
        c.matches = [];
        otherIdx.forEach((j, m) => { if (mine.includes(j)) c.matches.push(others[m]!.id); });
        c.alignments.push(id);
      });
    }
    const status = [...oc, ...rc].every((c) => c.status === 'kept') ? 'kept' : 'paraphrased';
    const diff = pairWords.diff(g.original, oc.map((c) => c.text), g.rewrite, rc.map((c) => c.text), limits.maxDiffEdits);
    return { id, original: oc.map((c) => c.id), rewrite: rc.map((c) => c.id), status, similarity: round(g.sim),
      moved: moved[gi]!, diff, changes: [] };
  });
  matchParagraphs(o, r);
  const result: CompareResult = { summary: summarise(o, r), original: o, rewrite: r, alignments, quotes: [], droppedQuotes: [] };
  annotateJournalism(result, original, rewrite, limits, { original: oMemo, rewrite: rMemo });
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A repeated sentence's k-th copy on one side is paired with the copies ranked within this distance of k on the
 *  other: enough for a few copies dropped or inserted in between, bounded whatever the number of repeats. */
export const VERBATIM_RANK_WINDOW = 4;

/** What a compare needs from one text alone: its content paragraphs and sentences, boilerplate, and its sentences'
 *  terms (interned, `termIndex`) taken from the one wink read of the text (a sentence whose edge cuts a token, or
 *  a text wink failed on, is read sentence by sentence). */
interface TextAnalysis {
  paragraphs: Segment[];
  boilerplate: Boilerplate[];
  /** The sentences' diff tokens and word ids for the groups phase, made by the first compare (classify/group-words.ts). */
  words?: TextWords;
  /** Each sentence's words joined by spaces (verbatim copies are found by these keys). */
  wordKeys: string[];
  /** The sentences' terms interned once (terms/vocabulary.ts `textTerms`). */
  termIndex: TextTerms;
  /** The sentences' copied-run shingles and their index (match/copied-runs.ts). */
  shingles: TextShingles;
  /** The journalism checks' per-text work, filled lazily by the first compare that needs it (checks/journalism.ts). */
  memo: TextMemo;
}

function analyseText(text: string): TextAnalysis {
  const { paragraphs, boilerplate, tokens } = segmentArticle(text);
  // Each sentence's terms are interned as they are read (no `Term` object each), and a cached analysis keeps only
  // the interned `termIndex` and the shingles: the sentences' words are all a compare reads of them after this.
  const index = new TextTermsBuilder();
  const claims: ClaimWords[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      let words = tokens && spanTermsInto(tokens, s.start, s.end, index);
      if (!words) {
        const alone = claimTerms(text.slice(s.start, s.end));
        for (const x of alone.terms) index.term(x.key, x.lemma, x.name, x.number);
        words = alone;
      }
      index.endClaim(words.words);
      claims.push(words);
    }
  }
  const wordKeys = claims.map((t) => t.words.join(' '));
  return { paragraphs, boilerplate, wordKeys, termIndex: index.finish(), shingles: textShingles(claims, wordKeys), memo: textMemo() };
}

/**
 * Recently analysed texts (see `AnalysisCache`): comparing one original with several rewrites reads it once.
 * Exported for the benchmark, which reports warm figures with and without it.
 */
export const textAnalyses = new AnalysisCache<TextAnalysis>(ANALYSIS_CACHE_CHARS, ANALYSIS_CACHE_ENTRY_CHARS);

/** One side: its paragraphs and claims (fresh objects: the analysis may be shared with other compares), its
 *  analysis (terms, word keys, interned terms), and the journalism memo of the full text (the analysis's own when the text was not cut at maxChars). */
function buildSide(text: string, full: string, prefix: 'o' | 'r', unaligned: 'dropped' | 'added'): [SideResult, TextAnalysis, TextMemo] {
  const analysis = textAnalyses.get(text, analyseText);
  const paragraphs: Paragraph[] = [];
  const claims: Claim[] = [];
  analysis.paragraphs.forEach((seg, index) => {
    const ids: string[] = [];
    for (const s of seg.sentences) {
      const id = `${prefix}${claims.length + 1}`;
      ids.push(id);
      claims.push({ id, paragraph: index, start: s.start, end: s.end, text: full.slice(s.start, s.end), status: unaligned,
        matches: [], similarity: 0, carried: 0, alignments: [] });
    }
    paragraphs.push({ index, start: seg.start, end: seg.end, claims: ids, matches: [] });
  });
  return [{ paragraphs, claims, boilerplate: analysis.boilerplate.map((b) => ({ ...b })) }, analysis,
    text.length === full.length ? analysis.memo : textMemo()];
}

/** Paragraph alignment: a paragraph matches the paragraphs on the other side holding its claims' matches. */
function matchParagraphs(o: SideResult, r: SideResult): void {
  const para = (side: SideResult) => new Map(side.claims.map((c) => [c.id, c.paragraph]));
  const oPara = para(o), rPara = para(r);
  for (const [side, other] of [[o, rPara], [r, oPara]] as const) {
    for (const p of side.paragraphs) {
      const set = new Set<number>();
      for (const id of p.claims) for (const m of side.claims[Number(id.slice(1)) - 1]?.matches ?? []) set.add(other.get(m)!);
      p.matches = [...set].sort((a, b) => a - b);
    }
  }
}
