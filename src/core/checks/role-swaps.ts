import type { TextSpan } from '../types.js';
import type { Word, WordAlignment } from './word-align.js';

/**
 * Roles swapped inside an aligned sentence pair: the same names, numbers or places, each standing where the other
 * stood relative to the words that give them their role ("talks between Russia and Ukraine" / "… between Ukraine
 * and Russia", "X of Y" / "Y of X", who did what to whom). Read off the word alignment: the backbone holds the
 * relating words, and two content words that traded gaps of it traded roles. A change of voice ("Russia attacked
 * Ukraine" / "Ukraine was attacked by Russia") moves the names too, but puts "by" before the agent: not a swap.
 */

/** Function words: they carry no role of their own (a moved "the" is not a swapped fact). */
export const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'by',
  'with',
  'as',
  'and',
  'or',
  'but',
  'nor',
  'that',
  'this',
  'these',
  'those',
  'it',
  'its',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'which',
  'who',
  'whom',
  'whose',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'him',
  'them',
  'us',
  'me',
  "'s",
  'there',
  'then',
  'than',
  'also',
  'into',
  'onto',
  'upon',
  'about',
  'after',
  'before',
  'during',
  'while',
  'when',
  'where',
  'since',
  'until',
  'through',
  'over',
  'under',
  'between',
  'among',
  'against',
  'not',
  'no',
  'so',
  'such',
  'both',
  'either',
  'neither',
  'all',
  'any',
  'each',
  'other',
  'some',
  'one',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'just',
  'only',
  'very',
  'well',
  'still',
  'even',
  'what',
  'how',
  'why',
  'if',
  'because',
  'although',
  'though',
  'later',
  'now',
  'further',
  'most',
  'more',
  'many',
  'much',
  'several',
  'known',
  'called',
  'named',
  'once',
  'twice',
  'indeed',
]);

/** A moved word must sit in a run of at most this many unaligned words: a longer run is a clause moved whole
 *  (fronted or put last), which keeps the roles inside it. Fitted on PAWS-Wiki dev by 5-fold cross-validation
 *  (scripts/fit-role-swaps.ts): every fold chose it; accuracy levels off from 8. */
export const MAX_MOVED_RUN = 10;

/** Words that make the two sides of a coordination interchangeable ("Trump and Putin met") unless "between" sets
 *  them as the two ends of a relation. */
const COORDINATORS = new Set(['and', 'or', 'nor', 'as', 'well', 'both']);

export interface RoleSwap {
  /** The word of the original that moved, and where it stands in the rewrite. */
  original: TextSpan;
  rewrite: TextSpan;
  note: string;
}

/** The role swaps of an aligned sentence pair (at most one per pair of words). */
export function roleSwaps(al: WordAlignment, oText: string, rText: string, maxRun = MAX_MOVED_RUN): RoleSwap[] {
  const { o, r, oPartner, rPartner, oGap, rGap } = al;
  // Unaligned content words present on both sides, paired in order: a word that moved.
  const free = new Map<string, number[]>();
  r.forEach((w, j) => {
    if (rPartner[j]! >= 0 || FUNCTION_WORDS.has(w.key)) return;
    const l = free.get(w.key);
    if (l) l.push(j);
    else free.set(w.key, [j]);
  });
  const moved: [number, number][] = [];
  o.forEach((w, i) => {
    if (oPartner[i]! >= 0 || FUNCTION_WORDS.has(w.key)) return;
    const j = free.get(w.key)?.shift();
    if (j !== undefined && oGap[i] !== rGap[j]) moved.push([i, j]);
  });
  const out: RoleSwap[] = [];
  const used = new Set<number>();
  for (const [i, j] of moved) {
    if (used.has(i)) continue;
    for (const [i2, j2] of moved) {
      if (i2 === i || used.has(i2) || used.has(i) || o[i2]!.key === o[i]!.key || kindOf(o[i2]!) !== kindOf(o[i]!))
        continue;
      // u stood in the gap t moved into, and left it (for another gap: a swap, or a longer cycle of moves).
      if (oGap[i2] !== rGap[j] || rGap[j2] === oGap[i2]) continue;
      if (runLength(oPartner, i) > maxRun || runLength(oPartner, i2) > maxRun) continue;
      if (voiceChanged(o, r, i, i2, j, j2) || coordinated(o, Math.min(i, i2), Math.max(i, i2), oPartner, oText))
        continue;
      const [a, b] = [nameAround(o, oPartner, i), nameAround(o, oPartner, i2)];
      if (sameEntity(oText.slice(a[0], a[1]), oText.slice(b[0], b[1]))) continue;
      // The other words of both names are part of this swap ("Aaren Russell" / "Alex Davison" is one).
      for (const [k] of moved)
        if ((o[k]!.start >= a[0] && o[k]!.end <= a[1]) || (o[k]!.start >= b[0] && o[k]!.end <= b[1])) used.add(k);
      out.push({
        original: span(oText, a),
        rewrite: span(rText, nameAround(r, rPartner, j)),
        note: `“${oText.slice(a[0], a[1])}” and “${oText.slice(b[0], b[1])}” changed places: their roles are swapped`,
      });
      break;
    }
  }
  return out;
}

const span = (text: string, [start, end]: [number, number]): TextSpan => ({ start, end, text: text.slice(start, end) });

/** The number of consecutive unaligned words around word `i`. */
function runLength(partner: Int32Array, i: number): number {
  let s = i,
    e = i;
  while (s > 0 && partner[s - 1]! < 0) s--;
  while (e + 1 < partner.length && partner[e + 1]! < 0) e++;
  return e - s + 1;
}

/** The span of the unaligned content words around word `i` (a name's other words move with it). */
function nameAround(words: Word[], partner: Int32Array, i: number): [number, number] {
  let s = i,
    e = i;
  const part = (k: number) =>
    partner[k]! < 0 && !FUNCTION_WORDS.has(words[k]!.key) && words[k]!.named === words[i]!.named;
  while (s > 0 && part(s - 1)) s--;
  while (e + 1 < words.length && part(e + 1)) e++;
  return [words[s]!.start, words[e]!.end];
}

/** Whether "by" marks an agent on one side only: the same event told in the other voice. */
function voiceChanged(o: Word[], r: Word[], i: number, i2: number, j: number, j2: number): boolean {
  const by = (ws: Word[], k: number) => (ws[k - 1]?.key === 'by' ? 1 : 0);
  return by(o, i) + by(o, i2) !== by(r, j) + by(r, j2);
}

/**
 * Whether words `a` and `b` of the original are items of one coordination: a coordinator lies between them and no
 * relating word does (only function words and other names: "the NBA or the NCAA", "Ned Wever, Milton Ager and Jean
 * Schwartz"), and no "between" sets them as the two ends of a relation. Such items are interchangeable.
 */
function coordinated(o: Word[], a: number, b: number, partner: Int32Array, oText: string): boolean {
  let s = a;
  while (s > 0 && partner[s - 1]! < 0) s--;
  if (o[s - 1]?.key === 'between') return false;
  // A name kept in place just before the second item modifies it ("the AA Portland Sea Dogs"): the items then
  // trade their modifiers, which is not interchangeable, unless the first item has the same word before it
  // ("FC Utrecht, Excelsior and FC Emmen").
  let e = b;
  while (e > a + 1 && partner[e - 1]! < 0 && o[e - 1]!.named) e--;
  if (partner[e - 1]! >= 0 && o[e - 1]!.named && o[e - 1]!.key !== o[s - 1]?.key) return false;
  // Between the items: list punctuation or a coordinator, and otherwise only function words, names and the head
  // the conjuncts share ("indie music and alternative music").
  let seen = /[,;]/.test(oText.slice(o[a]!.end, o[b]!.start));
  const head = o[a + 1]?.key;
  for (let k = a + 1; k < b; k++) {
    const w = o[k]!;
    if (COORDINATORS.has(w.key)) seen = true;
    else if (!w.named && !FUNCTION_WORDS.has(w.key) && w.key !== head) return false;
  }
  return seen;
}

/** A word's kind for swapping: a number trades places with a number, a name with a name, a word with a word
 *  ("born in Sweden in 1947" / "born in 1947 in Sweden" moves two modifiers, not two roles). */
const kindOf = (w: Word) => (/^\d/.test(w.key) ? 'number' : w.named ? 'name' : 'word');

/** Two names of one entity: the same initials ("United States" / "U.S."). */
function sameEntity(a: string, b: string): boolean {
  const initials = (s: string) => (s.match(/\p{L}+/gu) ?? []).map((w) => w[0]!.toLowerCase()).join('');
  const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').toLowerCase();
  const ia = initials(a),
    ib = initials(b);
  return (ia.length > 1 && ia === letters(b)) || (ib.length > 1 && ib === letters(a));
}
