import type { ChangeKind, Claim, CompareResult, FactChange, Span } from '../types.js';

/** What the fact checks read of a compare's answer: its claims and alignments. */
export type AlignedClaims = Pick<CompareResult, 'original' | 'rewrite' | 'alignments'>;

import { ALNUM_ASCII, codePointAt, isLetterOrDigit, widthOf } from '../segment/chars.js';
import { extractItems, type Item, type ProperWords, properWords } from './fact-items.js';
import { type Antonyms, modalityChanges, polarityChanges } from './polarity.js';
import { FUNCTION_WORDS, roleSwaps } from './role-swaps.js';
import { alignWords, sentenceWords, type Word, type WordAlignment, wordAt } from './word-align.js';

/**
 * Changed facts inside aligned groups: substitutions of numbers, dates, people, organisations and places,
 * and flips of negation and hedging — reported apart from mere rewording. Only substitutions count: an item the
 * rewrite merely leaves out is an omission, not a changed fact (except a dropped negation or hedge, which flips or
 * firms up the meaning).
 */

/** Two substituted items must sit at most this far apart (relative position in their groups, 0..1) to be paired. */
const MAX_POS_GAP = 0.35;
/** At most this many changes are reported per aligned group (a bound; a group with more is not a paraphrase). */
const MAX_CHANGES = 12;

/**
 * Per-text work of the fact checks, memoised with the text's analysis (see checks/journalism.ts `TextMemo`):
 * the text's capitalised words and each claim's `ClaimFacts`, keyed by the claim's span (`spanKey`). All are pure
 * functions of the text; items are never mutated once extracted (comparisons mark them in their own sets; a word
 * index only gains its lazily listed long and content words).
 */
export interface FactsMemo {
  proper?: ProperWords;
  claims?: Map<number | string, ClaimFacts>;
}

/** One claim's fact work, each part made on first use: its items (by kind), its word index and its words. */
interface ClaimFacts {
  items?: Kinds;
  index?: WordIndex;
  words?: Word[];
  /** A rewrite claim's changes against each original claim it was compared with (keyed by that claim's memo, with
   *  the antonyms they were found with): a text compared again with the same original skips the word alignments. */
  against?: WeakMap<ClaimFacts, { antonyms: Antonyms; changes: FactChange[] }>;
}

/**
 * The changed facts of every alignment of `result`, in alignment order.
 * Items are extracted once per claim and kept in the side's memo, so a claim in several groups (or in another
 * compare of the same text, when the memo is cached) costs one analysis.
 */
export function alignmentFacts(
  result: AlignedClaims,
  originalText: string,
  rewriteText: string,
  originalMemo: FactsMemo = {},
  rewriteMemo: FactsMemo = {},
  antonyms: Antonyms = NO_ANTONYMS,
): FactChange[][] {
  const sides: [Side, Side] = [
    { claims: result.original.claims, memo: originalMemo, text: originalText, byId: new Map() },
    { claims: result.rewrite.claims, memo: rewriteMemo, text: rewriteText, byId: new Map() },
  ];
  /** A claim of a side by id: compare.ts numbers claims from 1 in order (`o3` is the third), else a map says. */
  const claimOf = (side: Side, id: string): Claim | undefined => {
    const c = side.claims[Number(id.slice(1)) - 1];
    if (c?.id === id) return c;
    if (!side.byId.size) for (const x of side.claims) side.byId.set(x.id, x);
    return side.byId.get(id);
  };
  // Each claim's memo entry, looked up once per compare.
  const seenFacts = new Map<Claim, Facts>();
  const factsOf = (side: Side, c: Claim): Facts => {
    let f = seenFacts.get(c);
    if (f) return f;
    const m = (side.memo.claims ??= new Map()),
      key = spanKey(c);
    let memo = m.get(key);
    if (!memo) m.set(key, (memo = {}));
    seenFacts.set(c, (f = { claim: c, memo, side }));
    return f;
  };
  const resolve = (side: Side, ids: string[]) => {
    const out: Facts[] = [];
    for (const id of ids) {
      const c = claimOf(side, id);
      if (c) out.push(factsOf(side, c));
    }
    return out;
  };
  return result.alignments.map((a) => {
    const os = resolve(sides[0], a.original),
      rs = resolve(sides[1], a.rewrite);
    const seen = new Set<string>();
    const changes: FactChange[] = [];
    for (const [oc, rc] of claimPairs(os, rs)) {
      // The same sentence on both sides says the same thing.
      if (oc.claim.text === rc.claim.text) continue;
      const against = (rc.memo.against ??= new WeakMap());
      let known = against.get(oc.memo);
      if (known?.antonyms !== antonyms) {
        known = {
          antonyms,
          changes: compareKinds(
            itemsOf(oc),
            itemsOf(rc),
            () => indexOfClaim(oc),
            () => indexOfClaim(rc),
            { oText: originalText, rText: rewriteText, words: () => alignWords(wordsOf(oc), wordsOf(rc)), antonyms },
          ),
        };
        against.set(oc.memo, known);
      }
      // Copies: the memoised changes outlive this result.
      const found = known.changes.map((ch) => ({
        ...ch,
        original: ch.original && { ...ch.original },
        rewrite: ch.rewrite && { ...ch.rewrite },
      }));
      for (const ch of found) {
        const key = `${ch.kind}:${ch.original?.start}:${ch.rewrite?.start}`;
        if (!seen.has(key) && changes.length < MAX_CHANGES) {
          seen.add(key);
          changes.push(ch);
        }
      }
    }
    return changes;
  });
}

/** One side of a compare as the fact checks see it. */
interface Side {
  claims: Claim[];
  memo: FactsMemo;
  text: string;
  byId: Map<string, Claim>;
}

/** A claim of one compare with its memoised fact work. */
interface Facts {
  claim: Claim;
  memo: ClaimFacts;
  side: Side;
}

/** A claim's key in its text's memo: its span, as one number while offsets stay below 2^26 (no string per look-up). */
const spanKey = (c: Span): number | string => (c.end < 0x4000000 ? c.start * 0x4000000 + c.end : `${c.start}:${c.end}`);

const itemsOf = (f: Facts): Kinds =>
  (f.memo.items ??= kinds(
    extractItems(f.side.text, f.claim.start, f.claim.end, (f.side.memo.proper ??= properWords(f.side.text))),
  ));
const indexOfClaim = (f: Facts): WordIndex => (f.memo.index ??= wordIndex(f.claim.text));
const wordsOf = (f: Facts): Word[] => (f.memo.words ??= sentenceWords(f.side.text, f.claim.start, f.claim.end));

/** What the alignment-based checks of a sentence pair read: both texts, the pair's word alignment (made on first
 *  use) and the antonym pairs of the lexicon. */
interface PairContext {
  oText: string;
  rText: string;
  words: () => WordAlignment | null;
  antonyms: Antonyms;
}

/** No antonyms known (a caller without the lexicon's). */
export const NO_ANTONYMS: Antonyms = { has: () => false };

/**
 * Lower-cased words of three letters or more: the content a sentence pair must share to be compared. The matches of
 * `[\p{L}\p{N}]{3,}` (flags gu) on the lower-cased text: the words of the claim's word index (the same runs of
 * the same lower-cased text) with three code points or more.
 */
function contentWords(idx: WordIndex): Set<string> {
  if (idx.content) return idx.content;
  const out = new Set<string>();
  // At least six UTF-16 units are at least three code points; shorter words are counted.
  for (const w of idx.words) if (w.length >= 6 || (w.length >= 3 && [...w].length >= 3)) out.add(w);
  return (idx.content = out);
}

function dice(a: Set<string>, b: Set<string>): number {
  let n = 0;
  // Shared words counted over the smaller set (the count is the same either way).
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (big.has(w)) n++;
  return a.size + b.size ? (2 * n) / (a.size + b.size) : 0;
}

/** Minimum word overlap for an original sentence to be compared with a rewrite sentence that prefers another one. */
const MIN_PAIR_DICE = 0.35;

/**
 * Sentence pairs inside an aligned group. Facts are compared sentence against sentence, not group against group,
 * so that a hedge or a name in one sentence of a merged group is not mistaken for a change in another: each
 * rewrite sentence is paired with the original sentence sharing most words, and an original sentence left over
 * is paired with its best rewrite sentence only if they share enough words.
 */
function claimPairs(os: Facts[], rs: Facts[]): [Facts, Facts][] {
  if (!os.length || !rs.length) return [];
  if (os.length === 1 && rs.length === 1) return [[os[0]!, rs[0]!]];
  const ow = os.map((f) => contentWords(indexOfClaim(f))),
    rw = rs.map((f) => contentWords(indexOfClaim(f)));
  // Each overlap once (it used to be recomputed for the best so far at every step).
  const d = ow.map((w) => rw.map((v) => dice(w, v)));
  const pairs: [Facts, Facts][] = [];
  const used = new Set<number>();
  rs.forEach((rc, j) => {
    let best = 0;
    ow.forEach((_, i) => {
      if (d[i]![j]! > d[best]![j]!) best = i;
    });
    used.add(best);
    pairs.push([os[best]!, rc]);
  });
  os.forEach((oc, i) => {
    if (used.has(i)) return;
    let best = 0;
    rw.forEach((_, j) => {
      if (d[i]![j]! > d[i]![best]!) best = j;
    });
    if (d[i]![best]! >= MIN_PAIR_DICE) pairs.push([oc, rs[best]!]);
  });
  return pairs;
}

/**
 * Changed facts between two spans of text that say the same thing (e.g. one aligned sentence pair).
 * A convenience over `compareItems` for callers and tests that have spans, not alignments.
 */
export function factChanges(
  originalText: string,
  o: Span,
  rewriteText: string,
  r: Span,
  antonyms: Antonyms = NO_ANTONYMS,
): FactChange[] {
  const oi = extractItems(originalText, o.start, o.end, properWords(originalText));
  const ri = extractItems(rewriteText, r.start, r.end, properWords(rewriteText));
  const ctx: PairContext = {
    oText: originalText,
    rText: rewriteText,
    antonyms,
    words: () => alignWords(sentenceWords(originalText, o.start, o.end), sentenceWords(rewriteText, r.start, r.end)),
  };
  const changes = compareKinds(
    kinds(oi),
    kinds(ri),
    () => wordIndex(originalText.slice(o.start, o.end)),
    () => wordIndex(rewriteText.slice(r.start, r.end)),
    ctx,
  );
  return changes;
}

/** A claim's items by kind, each list in text order. */
type Kinds = Record<Item['kind'], Item[]>;

function kinds(items: Item[]): Kinds {
  const out: Kinds = { number: NONE, date: NONE, entity: NONE, negation: NONE, hedge: NONE };
  for (const x of items) {
    const l = out[x.kind];
    if (l === NONE) out[x.kind] = [x];
    else l.push(x);
  }
  return out;
}

/** The list of a kind a claim has no item of: one shared empty list, never added to (a claim's kinds are memoised
 *  with its text, and most are empty, so most kinds keep no array of their own). */
const NONE = Object.freeze([]) as readonly Item[] as Item[];

/**
 * Compares the items of an original group with those of its rewrite (texts are the groups' words, for omission checks).
 */
export function compareItems(
  o: Item[],
  r: Item[],
  oText: string,
  rText: string,
  oIndex?: WordIndex,
  rIndex?: WordIndex,
): FactChange[] {
  const ctx: PairContext = {
    oText,
    rText,
    antonyms: NO_ANTONYMS,
    words: () => alignWords(sentenceWords(oText, 0, oText.length), sentenceWords(rText, 0, rText.length)),
  };
  return compareKinds(
    kinds(o),
    kinds(r),
    () => (oIndex ??= wordIndex(oText)),
    () => (rIndex ??= wordIndex(rText)),
    ctx,
  );
}

/**
 * `compareItems` over items already sorted by kind (memoised per claim: never mutated here). The word indexes are
 * asked for only when a leftover name, negation or hedge needs them: a claim pair without any builds none.
 */
function compareKinds(
  o: Kinds,
  r: Kinds,
  oIndex: () => WordIndex,
  rIndex: () => WordIndex,
  ctx: PairContext,
): FactChange[] {
  const changes: FactChange[] = [];
  // Items paired so far in this comparison (a set, not a mark on the items: they are cached and shared).
  const matched = new Set<Item>();
  // The word alignment, made on first use (a pair without names, negators or modals needs none).
  let aligned: WordAlignment | null | undefined;
  const words = () => (aligned === undefined ? (aligned = ctx.words()) : aligned);
  // Numbers: equal magnitudes match (a bound added or dropped is reported); leftovers of one unit family are
  // substitutions.
  const [onum, rnum] = [o.number, r.number];
  for (const [a, b] of matchEqual(matched, onum, rnum, (x, y) => x.key === y.key && x.group === y.group)) {
    if (boundOf(a.approx) !== boundOf(b.approx)) {
      changes.push(
        change(
          'hedging',
          a,
          b,
          a.approx && !b.approx
            ? `“${a.span.text}” became the exact “${b.span.text}”`
            : `“${a.span.text}” became “${b.span.text}”`,
        ),
      );
    }
  }
  for (const [a, b] of pairLeftovers(matched, onum, rnum, (x, y) => x.group === y.group))
    changes.push(change('number', a, b, `“${a.span.text}” became “${b.span.text}”`));
  // Dates and days: leftovers of the same category (weekday for weekday, year for year).
  const [od, rd] = [o.date, r.date];
  matchEqual(matched, od, rd, (x, y) => x.key === y.key);
  for (const [a, b] of pairLeftovers(matched, od, rd, (x, y) => x.group === y.group))
    changes.push(change('date', a, b, `“${a.span.text}” became “${b.span.text}”`));
  // Named entities: spelling variants and partial names match; a leftover is only a substitution when the other
  // group does not mention it at all and an entity of a compatible kind stands in the same place (the same words
  // around it, or the same gap of the word alignment).
  const [oe, re] = [o.entity, r.entity];
  // A name standing unaligned in the gap where a different name stands is replaced, even when the other side
  // mentions it elsewhere ("Christopher Harris was the son of William Harris" / "William Harris was the son of …"),
  // unless each side mentions the other's name (two names that moved, seen by the role check).
  // (Any two kinds: a title joined to a name can make a person look like an organisation, "NATO Secretary General
  // Mark Rutte".)
  const replaced = (x: Item, y: Item) =>
    !sameName(x.names, y.names) &&
    sameGap(words(), x, y) &&
    !(mentions(rIndex(), x.names) && mentions(oIndex(), y.names));
  for (const [a, b] of pairLeftovers(matched, oe, re, replaced)) {
    changes.push(change(entityKindOf(a, b), a, b, `“${a.span.text}” became “${b.span.text}”`));
  }
  matchEqual(matched, oe, re, (x, y) => sameName(x.names, y.names));
  const oLeft = oe.filter((x) => !matched.has(x) && !mentions(rIndex(), x.names));
  const rLeft = re.filter((x) => !matched.has(x) && !mentions(oIndex(), x.names));
  const compatible = (x: Item, y: Item) => kindsAgree(x, y) && anchored(x, y);
  for (const [a, b] of pairLeftovers(matched, oLeft, rLeft, compatible)) {
    changes.push(change(entityKindOf(a, b), a, b, `“${a.span.text}” became “${b.span.text}”`));
  }
  // Roles: the same names exchanged around the words that relate them.
  const al = words();
  if (al)
    for (const s of roleSwaps(al, ctx.oText, ctx.rText))
      changes.push({ kind: 'role', original: s.original, rewrite: s.rewrite, note: s.note });
  // Negation and hedging only count where the other side carries the words they modify ("won’t involve" vs
  // "will involve"): a paraphrase that says it otherwise ("does not commit" → "fails to engage") is rewording,
  // and a modal of ability ("only he could end the war") next to unrelated words is not a hedge dropped.
  const carried = (x: Item, other: () => WordIndex) => x.head !== '' && mentions(other(), [x.head]);
  changes.push(
    ...polarityChanges(
      o.negation,
      r.negation,
      al,
      (x) => carried(x, rIndex),
      (x) => carried(x, oIndex),
      ctx.antonyms,
      ctx.oText,
      ctx.rText,
    ),
  );
  // Hedging: a hedge on one side with no counterpart hedge on the other ("will likely revisit" → "will revisit",
  // "may" added); the same hedge word on both sides matches, and any two different hedges count as hedged alike
  // ("would likely lead" / "could lead").
  const oh = o.hedge,
    rh = r.hedge;
  matchEqual(matched, oh, rh, (x, y) => x.key === y.key);
  const ohl = oh.filter((x) => !matched.has(x)),
    rhl = rh.filter((x) => !matched.has(x));
  const ohc = ohl.filter((x) => carried(x, rIndex)),
    rhc = rhl.filter((x) => carried(x, oIndex));
  if (ohc.length && !rhl.length)
    changes.push(
      change('hedging', ohc[0]!, null, `hedge “${ohc[0]!.span.text}” dropped: the rewrite states it as certain`),
    );
  else if (!ohl.length && rhc.length)
    changes.push(change('hedging', null, rhc[0]!, `the rewrite adds the hedge “${rhc[0]!.span.text}”`));
  // Modality: a modal of another kind in the same place ("must" / "may", "will" / "can"), unless a hedge was
  // already reported there.
  if (al) {
    const hedged = new Set(
      changes.filter((c) => c.kind === 'hedging').flatMap((c) => [c.original?.start, c.rewrite?.start]),
    );
    for (const m of modalityChanges(al, ctx.oText, ctx.rText)) {
      if (!hedged.has(m.original?.start) && !hedged.has(m.rewrite?.start)) changes.push(m);
    }
  }
  return changes.slice(0, MAX_CHANGES);
}

/** Two names of kinds that can stand for each other (an untyped name goes with any). */
const kindsAgree = (x: Item, y: Item) => x.group === y.group || x.group === 'entity' || y.group === 'entity';
const entityKindOf = (a: Item, b: Item) => (a.group !== 'entity' ? a.group : b.group) as ChangeKind;

/** What an approximator says of its number: about the same (`~`, also none), at most (`<`) or at least (`>`).
 *  "roughly 40 minutes" and "40-minute" say the same; "nearly 80" and "80" do not. */
function boundOf(approx: string): string {
  if (/^(?:nearly|almost|under|less than|fewer than|up to|just under)$/.test(approx)) return '<';
  if (/^(?:over|more than|at least|just over|upwards of)$/.test(approx)) return '>';
  return '~';
}

/**
 * Whether two names stand in the same place of the word alignment, neither aligned: one stands where the other
 * stood. The place must be held by the words next to them: the same aligned word just before or just after both
 * names, a content word ("Senator Lindsey Graham" / "Senator Ted Cruz") or a word on each side; a name that merely
 * opens two sentences ("Mark Rutte has …" / "Russia has …") is not held by "has" alone.
 */
function sameGap(al: WordAlignment | null, x: Item, y: Item): boolean {
  if (!al) return false;
  const o = nameWords(al.o, al.oPartner, x),
    r = nameWords(al.r, al.rPartner, y);
  if (!o || !r || al.oGap[o[0]] !== al.rGap[r[0]]) return false;
  const held = (i: number, j: number) => i >= 0 && j >= 0 && i < al.o.length && j < al.r.length && al.oPartner[i] === j;
  const content = (i: number) => !FUNCTION_WORDS.has(al.o[i]!.key);
  const before = held(o[0] - 1, r[0] - 1),
    after = held(o[1] + 1, r[1] + 1);
  return (before && (after || content(o[0] - 1))) || (after && content(o[1] + 1));
}

/** The first and last unaligned words of a name's span (aligned titles before it skipped), or null. */
function nameWords(words: WordAlignment['o'], partner: Int32Array, x: Item): [number, number] | null {
  let s = wordAt(words, x.span.start),
    e = wordAt(words, x.span.end - 1);
  if (s < 0 || e < 0) return null;
  while (s <= e && partner[s]! >= 0) s++;
  if (s > e || partner[e]! >= 0) return null;
  return [s, e];
}

/** Marks equal items on both sides as matched (each item matches at most once) and returns the pairs. */
function matchEqual(matched: Set<Item>, a: Item[], b: Item[], eq: (x: Item, y: Item) => boolean): [Item, Item][] {
  const pairs: [Item, Item][] = [];
  for (const x of a) {
    const y = b.find((c) => !matched.has(c) && eq(x, c));
    if (y) {
      matched.add(x);
      matched.add(y);
      pairs.push([x, y]);
    }
  }
  return pairs;
}

/** Pairs unmatched items by compatibility and nearest position (a substitution sits where the replaced item stood). */
function pairLeftovers(matched: Set<Item>, a: Item[], b: Item[], ok: (x: Item, y: Item) => boolean): [Item, Item][] {
  const pairs: [Item, Item][] = [];
  for (const x of a) {
    if (matched.has(x)) continue;
    let best: Item | null = null;
    for (const y of b) {
      if (matched.has(y) || !ok(x, y) || Math.abs(x.pos - y.pos) > MAX_POS_GAP) continue;
      if (!best || Math.abs(x.pos - y.pos) < Math.abs(x.pos - best.pos)) best = y;
    }
    if (best) {
      matched.add(x);
      matched.add(best);
      pairs.push([x, best]);
    }
  }
  return pairs;
}

/**
 * A substituted name stands in the same words: the two words before it, or the two after it, or one on each side are
 * the same ("Senator Lindsey Graham has broken" / "Senator Marco Rubio has broken"). Without such an anchor a name
 * on each side is an omission plus an addition, not a changed fact.
 */
function anchored(x: Item, y: Item): boolean {
  const eq = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);
  if (x.before.length === 2 && eq(x.before, y.before)) return true;
  if (x.after.length === 2 && eq(x.after, y.after)) return true;
  return !!x.before.length && !!x.after.length && x.before.at(-1) === y.before.at(-1) && x.after[0] === y.after[0];
}

function change(kind: ChangeKind, a: Item | null, b: Item | null, note: string): FactChange {
  return { kind, original: a ? { ...a.span } : null, rewrite: b ? { ...b.span } : null, note };
}

/** Names match when any of their words match, tolerating spelling variants (Zelensky / Zelenskyy / Zelenskiy). */
export function sameName(a: string[], b: string[]): boolean {
  // Two full names are one person's when their last words are ("Senator Mark Rutte" / "NATO's Mark Rutte"): a
  // shared first word or organisation ("NATO Secretary General Mark Rutte" / "NATO Secretary General Donald
  // Trump") does not make them one.
  if (a.length >= 2 && b.length >= 2) return similarWord(a.at(-1)!, b.at(-1)!);
  return a.some((x) => b.some((y) => similarWord(x, y)));
}

/** Capitals and institutions that stand for their country in news copy (metonymy, not a different actor). */
const METONYMS: Record<string, string> = {
  washington: 'us',
  america: 'us',
  american: 'us',
  us: 'us',
  usa: 'us',
  moscow: 'russia',
  kremlin: 'russia',
  kyiv: 'ukraine',
  kiev: 'ukraine',
  beijing: 'china',
  chinese: 'china',
  london: 'uk',
  britain: 'uk',
  british: 'uk',
  paris: 'france',
  french: 'france',
  berlin: 'germany',
  german: 'germany',
  brussels: 'eu',
  european: 'eu',
  europe: 'eu',
  tehran: 'iran',
  iranian: 'iran',
  jerusalem: 'israel',
  israeli: 'israel',
};

function similarWord(x: string, y: string): boolean {
  if (x === y) return true;
  if (METONYMS[x] && METONYMS[x] === (METONYMS[y] ?? y)) return true;
  if (METONYMS[y] && METONYMS[y] === x) return true;
  return spellingVariant(x, y);
}

/** The spelling rules of `similarWord` (after equality and metonyms): long words with a shared stem or a small edit. */
function spellingVariant(x: string, y: string): boolean {
  if (x.length < 5 || y.length < 5) return false;
  // A demonym and its country share a long prefix (Russia / Russian, Ukraine / Ukrainian, America / American).
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  if (p >= 5 && p >= 0.8 * Math.min(x.length, y.length)) return true;
  if (Math.abs(x.length - y.length) > 2) return false;
  return withinEdits(x, y, Math.min(x.length, y.length) >= 8 ? 2 : 1);
}

/**
 * Whether the Levenshtein distance of `a` and `b` is at most `k`. Exact, computed in the diagonal band |i − j| ≤ k
 * (a cell outside it is more than k) with values capped at k + 1 and an early exit once a whole row is over k:
 * names are compared with every long word of a sentence, and a full table per pair was most of that cost.
 */
function withinEdits(a: string, b: string, k: number): boolean {
  const n = a.length,
    m = b.length,
    big = k + 1;
  if (Math.abs(n - m) > k) return false;
  // Two rows of one small buffer (words are short): the band is computed row by row.
  const rows = new Int32Array(2 * (m + 2));
  let prev = rows.subarray(0, m + 2),
    cur = rows.subarray(m + 2);
  for (let j = 0; j <= m; j++) prev[j] = Math.min(j, big);
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k),
      hi = Math.min(m, i + k);
    cur[lo - 1] = lo === 1 ? Math.min(i, big) : big;
    let rowMin = cur[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), big);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = big;
    if (rowMin > k) return false;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]! <= k;
}

/** The words of a text as `mentions` asks about them: every distinct word, and (when first needed) the long ones. */
export interface WordIndex {
  words: Set<string>;
  /** Distinct words of five letters or more: only these can match a name as a spelling variant. One flat list (it
   *  used to be buckets by length and by prefix: ~8 objects per claim, kept in the text's memo and promoted by the
   *  garbage collector, to spare a comparison or two among a claim's few long words). */
  long?: string[];
  /** Distinct words of three code points or more (`contentWords`). */
  content?: Set<string>;
}

/** The words standing for each metonym class ("us" ← washington, america, american, us, usa). */
const METONYM_WORDS: ReadonlyMap<unknown, readonly string[]> = (() => {
  const classes = new Map<unknown, string[]>();
  for (const [w, c] of Object.entries(METONYMS)) {
    const l = classes.get(c);
    if (l) l.push(w);
    else classes.set(c, [w]);
  }
  return classes;
})();

/**
 * The `WordIndex` of a text, computed (exported for its property test). Its words are the pieces of
 * `text.toLowerCase().split(/[^\p{L}\p{N}]+/u)` less the empty ones (which no name equals), scanned by hand: the
 * Unicode-class split was most of this function's time. ASCII units are tested by range here and only other code
 * points are read whole and asked of segment/chars.ts (a call per character would cost more than the scan itself).
 */
export function wordIndex(text: string): WordIndex {
  const lower = text.toLowerCase(),
    words = new Set<string>(),
    n = lower.length;
  for (let i = 0; i < n; ) {
    let c = lower.charCodeAt(i);
    if (c < 128 ? !ALNUM_ASCII[c] : !isLetterOrDigit((c = codePointAt(lower, i, n)))) {
      i += widthOf(c);
      continue;
    }
    const s = i;
    do {
      i += widthOf(c);
      if (i >= n) break;
      c = lower.charCodeAt(i);
    } while (c < 128 ? ALNUM_ASCII[c] : isLetterOrDigit((c = codePointAt(lower, i, n))));
    words.add(lower.slice(s, i));
  }
  return { words };
}

/**
 * Whether a group's text mentions any of the name's words (a tagging miss on that side is not a substitution):
 * `similarWord(name, w)` for some word w of the text. Its cheap cases are set look-ups: equal; a metonym of the same
 * class (`METONYMS[n] === (METONYMS[w] ?? w)`: a word of that class, or the class itself when it has no entry of its
 * own); the class of a metonym in the text (`METONYMS[w] === n`). Only spelling variants compare word by word.
 */
export function mentions(idx: WordIndex, names: string[]): boolean {
  const has = (w: string) => idx.words.has(w);
  return names.some((n) => {
    if (idx.words.has(n)) return true;
    const cls = METONYMS[n];
    if (
      cls &&
      (METONYM_WORDS.get(cls)?.some(has) || (typeof cls === 'string' && METONYMS[cls] == null && idx.words.has(cls)))
    )
      return true;
    if (METONYM_WORDS.get(n)?.some(has)) return true;
    if (n.length < 5) return false;
    const long = (idx.long ??= longWords(idx.words));
    // `spellingVariant` holds only for words within two letters of the name's length or sharing its first five: the
    // rest are skipped before its comparison.
    const prefix = n.slice(0, 5);
    for (const w of long)
      if ((Math.abs(w.length - n.length) <= 2 || w.startsWith(prefix)) && spellingVariant(n, w)) return true;
    return false;
  });
}

/** A word index's long words (five UTF-16 units or more), for `mentions`. */
function longWords(words: Set<string>): string[] {
  const out: string[] = [];
  for (const w of words) if (w.length >= 5) out.push(w);
  return out;
}
