/**
 * The reporting frame of news sentences: verbs of saying and the audience they address ("he told reporters",
 * "they wrote"). They say who said something, not what was said, and almost every
 * quotation carries them, so two sentences that share only their frame ("…,” he told reporters on Monday" /
 * "…,” Zelenskyy told reporters this week") share no content. The aligner's context merges (`align/context.ts`,
 * group extension) measure what a part adds to its group without these words; pair similarity keeps them.
 * Lemmas (wink-nlp's): the verbs of the speaker patterns in `checks/quote-find.ts`, and the usual addressees.
 */
const REPORTING_FRAME: ReadonlySet<string> = new Set([
  'say',
  'tell',
  'add',
  'write',
  'ask',
  'explain',
  'note',
  'state',
  'declare',
  'insist',
  'argue',
  'claim',
  'recall',
  'reply',
  'tweet',
  'post',
  'warn',
  'acknowledge',
  'admit',
  'concede',
  'suggest',
  'announce',
  'remark',
  'observe',
  'stress',
  'emphasize',
  'emphasise',
  'urge',
  'testify',
  'respond',
  'describe',
  'assert',
  'reporter',
  'journalist',
]);

/** Whether a term (by lemma or key) belongs to the reporting frame rather than to a sentence's content. */
export function isReportingFrame(lemma: string, key: string = lemma): boolean {
  return REPORTING_FRAME.has(lemma) || REPORTING_FRAME.has(key);
}
