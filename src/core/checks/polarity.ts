import type { FactChange, TextSpan } from '../types.js';
import type { Item } from './fact-items.js';
import { FUNCTION_WORDS } from './role-swaps.js';
import { type WordAlignment, wordAt } from './word-align.js';

/**
 * Polarity and modality of an aligned sentence pair, read through its word alignment: a negator with no
 * counterpart on the other side flips the claim ("is continuing" / "is not continuing", "no longer intends" /
 * "intends", "doesn’t" / "does"), a predicate replaced by its antonym in the same place does too ("rose" /
 * "fell"), and a modal of another kind in the same place changes what is claimed ("must" / "may").
 */

/** Antonymous words, as a lexical resource says (WordNet's antonym pointers, loaded by src/lexicon/antonyms.ts). */
export interface Antonyms {
  /** Whether the two lower-cased word forms are antonyms (each reduced to its base form by the resource). */
  has(a: string, b: string): boolean;
}

/** The words a negation item stands on in the word alignment ("n’t" is read as not, "fails to" as fail). */
const NEGATING = new Set([
  'not',
  'never',
  'no',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'fail',
  'fails',
  'failed',
  'failing',
]);

/**
 * Negation changes: negators are paired when the alignment pairs their words, or when two of them stand in the same
 * gap ("not" / "never"); the rest count only where the other side carries the word they modify (`carriedO`,
 * `carriedR`), and a change is reported when one side has more of them than the other. Without an alignment
 * (sentences too long to align) negators pair by word.
 */
export function polarityChanges(
  on: Item[],
  rn: Item[],
  al: WordAlignment | null,
  carriedO: (x: Item) => boolean,
  carriedR: (x: Item) => boolean,
  antonyms: Antonyms,
  oText: string,
  rText: string,
): FactChange[] {
  const out: FactChange[] = [];
  const paired = new Set<Item>();
  if (al) {
    const oAt = on.map((x) => negatorWord(al.o, x)),
      rAt = rn.map((x) => negatorWord(al.r, x));
    on.forEach((x, a) => {
      const i = oAt[a]!;
      if (i < 0) return;
      const j = al.oPartner[i]!;
      const b =
        j >= 0
          ? rAt.indexOf(j)
          : rAt.findIndex(
              (k, b2) => k >= 0 && !paired.has(rn[b2]!) && al.rPartner[k]! < 0 && al.rGap[k] === al.oGap[i],
            );
      if (b >= 0 && !paired.has(rn[b]!)) {
        paired.add(x);
        paired.add(rn[b]!);
      }
    });
  } else {
    for (const x of on) {
      const y = rn.find((c) => !paired.has(c) && c.key === x.key);
      if (y) {
        paired.add(x);
        paired.add(y);
      }
    }
  }
  // Negators of the same word pair up wherever they stand ("by not insisting" / "without insisting").
  for (const x of on) {
    if (paired.has(x) || !x.head) continue;
    const y = rn.find((c) => !paired.has(c) && c.head === x.head);
    if (y) {
      paired.add(x);
      paired.add(y);
    }
  }
  // A negator is carried when the word it modifies is on the other side, or, in sentences that say mostly the
  // same words (`close`), when a word next to it is aligned ("if it doesn’t, I back away" / "if it does, I back
  // away": no head word, but "does" is aligned).
  const close = !!al && alignedShare(al) >= MIN_CLOSE_SHARE;
  const near = (words: WordAlignment['o'], partner: Int32Array, x: Item) => {
    const k = negatorWord(words, x);
    return close && k >= 0 && ((k > 0 && partner[k - 1]! >= 0) || (k + 1 < words.length && partner[k + 1]! >= 0));
  };
  const lo = on.filter((x) => !paired.has(x) && (carriedO(x) || (!!al && near(al.o, al.oPartner, x))));
  const lr = rn.filter((x) => !paired.has(x) && (carriedR(x) || (!!al && near(al.r, al.rPartner, x))));
  // Unpaired negators on each side, carried or not: when the sentences are aligned as saying the same thing, a
  // negator more on one side flips it even where the other words were reworded.
  // ("without" is left out: a preposition more often than a flip of the claim.)
  const counted = (x: Item) => !paired.has(x) && x.key !== 'without';
  const uo = on.filter(counted).length,
    ur = rn.filter(counted).length;
  if (close && !lo.length && !lr.length && uo !== ur) {
    const x = (uo > ur ? on : rn).find(counted)!;
    out.push(
      uo > ur
        ? {
            kind: 'negation',
            original: { ...x.span },
            rewrite: null,
            note: `negation “${x.span.text}” is not carried into the rewrite`,
          }
        : {
            kind: 'negation',
            original: null,
            rewrite: { ...x.span },
            note: `the rewrite adds the negation “${x.span.text}”`,
          },
    );
    return out;
  }
  // Sentences that are merely related keep a stricter reading: a negation counts as dropped (added) only when the
  // other sentence has no negator that may be its counterpart, one without a head or with a carried one ("who we
  // can’t" / "he did not know"); a negator of a word the other side lacks ("cannot match") negates something else.
  const maybe = (xs: Item[], carried: (x: Item) => boolean) =>
    xs.some((x) => !paired.has(x) && (!x.head || carried(x)));
  if (!close && (lo.length ? maybe(rn, carriedR) : maybe(on, carriedO))) return out;
  if (lo.length > lr.length) {
    const x = lo[0]!;
    out.push({
      kind: 'negation',
      original: { ...x.span },
      rewrite: null,
      note: `negation “${x.span.text}” is not carried into the rewrite`,
    });
  } else if (lr.length > lo.length) {
    const x = lr[0]!;
    out.push({
      kind: 'negation',
      original: null,
      rewrite: { ...x.span },
      note: `the rewrite adds the negation “${x.span.text}”`,
    });
  }
  if (al && !out.length) {
    const flip = antonymIn(al, antonyms);
    if (flip) {
      const [i, j] = flip,
        a = al.o[i]!,
        b = al.r[j]!;
      out.push({
        kind: 'negation',
        original: span(oText, a.start, a.end),
        rewrite: span(rText, b.start, b.end),
        note: `“${oText.slice(a.start, a.end)}” became its opposite “${rText.slice(b.start, b.end)}”`,
      });
    }
  }
  return out;
}

const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

/**
 * Share of content words aligned, on the side where it is smaller, from which two sentences say mostly the same
 * words and a negator's neighbours can stand for its head. Below it sentences are merely related (a merged
 * group's other sentence, "they lack the scale" / "militaries cannot match"), and a negator there is rewording.
 */
export const MIN_CLOSE_SHARE = 0.4;

/** The smaller of the two sides' shares of content words that are aligned. */
export function alignedShare(al: WordAlignment): number {
  const share = (words: WordAlignment['o'], partner: Int32Array) => {
    let n = 0,
      a = 0;
    words.forEach((w, k) => {
      if (!FUNCTION_WORDS.has(w.key)) {
        n++;
        if (partner[k]! >= 0) a++;
      }
    });
    return n ? a / n : 1;
  };
  return Math.min(share(al.o, al.oPartner), share(al.r, al.rPartner));
}

/** The index of the negating word inside a negation item's span, or −1. */
function negatorWord(words: WordAlignment['o'], x: Item): number {
  for (let k = wordAt(words, x.span.start); k >= 0 && k < words.length && words[k]!.start < x.span.end; k++) {
    if (NEGATING.has(words[k]!.key)) return k;
  }
  return -1;
}

/** An unaligned content word of the original and one of the rewrite in the same gap that are antonyms. */
function antonymIn(al: WordAlignment, antonyms: Antonyms): [number, number] | null {
  for (let i = 0; i < al.o.length; i++) {
    if (al.oPartner[i]! >= 0 || FUNCTION_WORDS.has(al.o[i]!.key) || al.o[i]!.named) continue;
    for (let j = 0; j < al.r.length; j++) {
      if (al.rPartner[j]! >= 0 || al.rGap[j] !== al.oGap[i] || al.r[j]!.named) continue;
      if (antonyms.has(al.o[i]!.key, al.r[j]!.key)) return [i, j];
    }
  }
  return null;
}

/**
 * What each modal can say: future or certainty, condition, obligation, ability, possibility. Two modals that can
 * say the same thing are a rewording ("will" / "would" in reported speech, "could" / "might"); two that cannot are a
 * change of modality.
 */
const MODAL_SENSES = new Map<string, string[]>(
  Object.entries({
    will: ['future'],
    shall: ['future'],
    would: ['future', 'condition'],
    must: ['obligation'],
    should: ['obligation', 'condition'],
    can: ['ability', 'possibility'],
    could: ['ability', 'possibility', 'condition'],
    may: ['possibility'],
    might: ['possibility', 'condition'],
  }),
);

/** Modals replaced by a modal of another kind in the same place. */
export function modalityChanges(al: WordAlignment, oText: string, rText: string): FactChange[] {
  const out: FactChange[] = [];
  for (let i = 0; i < al.o.length; i++) {
    const a = al.o[i]!,
      sa = MODAL_SENSES.get(a.key);
    if (!sa || al.oPartner[i]! >= 0) continue;
    for (let j = 0; j < al.r.length; j++) {
      const b = al.r[j]!,
        sb = MODAL_SENSES.get(b.key);
      if (!sb || al.rPartner[j]! >= 0 || al.rGap[j] !== al.oGap[i]) continue;
      if (!sa.some((x) => sb.includes(x))) {
        out.push({
          kind: 'modality',
          original: span(oText, a.start, a.end),
          rewrite: span(rText, b.start, b.end),
          note: `“${oText.slice(a.start, a.end)}” became “${rText.slice(b.start, b.end)}”`,
        });
      }
      break;
    }
  }
  return out;
}
