import { BATCH_MAX_REWRITES } from '../schemas/batch.js';
import { escapeHtml as e } from './escape.js';
import { htmlPage, type Nonce } from './html.js';

/**
 * Progressive enhancement only (both forms work without it): a chosen file is read into its fieldset's text
 * area and ticks "HTML page" for .html files; "Add a rewrite" clones the first rewrite slot of the batch form.
 * No inline handlers (the CSP forbids them): listeners are attached here.
 */
const FORM_SCRIPT = `
function bindFile(fieldset) {
  var input = fieldset.querySelector('input[type=file]');
  if (!input) return;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result);
      fieldset.querySelector('textarea').value = text;
      var html = /\\.html?$/i.test(file.name) || /^\\s*<(!doctype html|html)/i.test(text);
      var radio = fieldset.querySelector('input[type=radio][value=' + (html ? 'html' : 'text') + ']');
      if (radio) radio.checked = true;
    };
    reader.readAsText(file);
  });
}
document.querySelectorAll('fieldset[data-slot]').forEach(bindFile);
var add = document.querySelector('.add-rewrite'), box = document.querySelector('.rewrites');
if (add && box) {
  add.hidden = false;
  add.addEventListener('click', function () {
    var n = box.querySelectorAll('fieldset').length + 1;
    if (n > ${BATCH_MAX_REWRITES}) return;
    var slot = box.querySelector('fieldset').cloneNode(true);
    slot.querySelector('legend').textContent = 'Rewrite ' + n;
    slot.querySelectorAll('[name],[id],[for]').forEach(function (el) {
      ['name', 'id', 'for'].forEach(function (a) {
        var v = el.getAttribute(a);
        if (v) el.setAttribute(a, v.replace('rewrite_1', 'rewrite_' + n));
      });
    });
    var ta = slot.querySelector('textarea');
    ta.value = ''; ta.removeAttribute('required');
    slot.querySelector('input[type=text]').value = '';
    slot.querySelector('input[type=file]').value = '';
    box.appendChild(slot);
    bindFile(slot);
    if (n >= ${BATCH_MAX_REWRITES}) add.hidden = true;
  });
}
`;

/** What one article slot of a form holds (to give a form back filled after an error). */
export interface SlotValues {
  text?: string | undefined;
  html?: boolean | undefined;
  outlet?: string | undefined;
}

/** A form given back after a failed submission: which form, what it held, and what went wrong. */
export interface FormError {
  form: 'one' | 'many';
  title: string;
  detail: string;
  code: string;
  status: number;
  /** Per field, what was wrong with it (validation errors). */
  errors?: { field: string; message: string }[] | undefined;
  values: Record<string, SlotValues>;
}

// The newline after <textarea> is dropped by every HTML parser: a text that starts with one keeps it. A `\` at a
// template line's end continues the line without a newline in the page.
function side(
  form: string,
  name: string,
  label: string,
  outletHint: string,
  required = true,
  v: SlotValues = {},
): string {
  const id = `${form}-${name}`;
  const checked = (html: boolean) => (Boolean(v.html) === html ? ' checked' : '');
  return `<fieldset data-slot="${name}"><legend>${label}</legend>
<label for="${id}">Paste the article (plain text or the page’s HTML)</label>
<textarea id="${id}" name="${name}"${required ? ' required' : ''} spellcheck="false">\n${e(v.text ?? '')}</textarea>
<div class="kind" role="radiogroup" aria-label="${label} format"><label>\
<input type="radio" name="${name}_type" value="text"${checked(false)}> plain text</label><label>\
<input type="radio" name="${name}_type" value="html"${checked(true)}> HTML page (article body extracted)</label></div>
<label for="${id}_file">…or load a file</label>
<input type="file" id="${id}_file" accept=".txt,.html,.htm,.md,text/plain,text/html">
<label for="${id}_outlet">Outlet (optional)</label>
<input type="text" id="${id}_outlet" name="${name}_outlet" maxlength="200" placeholder="${outletHint}"\
 value="${e(v.outlet ?? '')}">
</fieldset>`;
}

/** The error of a failed submission, above the form it came from. */
function errorBox(err: FormError): string {
  const fields = err.errors?.length
    ? `<ul>${err.errors.map((f) => `<li><b>${e(f.field)}</b>: ${e(f.message)}</li>`).join('')}</ul>`
    : `<p>${e(err.detail)}</p>`;
  return `<div class="form-error" role="alert" id="${err.form}-error">
<h2>Could not compare: ${e(err.title)}</h2>
${fields}
<p class="hint">Your texts are kept below: correct them and compare again. (${e(err.code)}, HTTP ${err.status})</p>
</div>`;
}

/**
 * The `GET /` page: a form that posts the two articles (multipart) to `POST /v1/compare?format=html` and so
 * gets the HTML report. Works without JavaScript; the script only loads chosen files into the text areas. After a
 * failed submission (`error`) the page comes back with the message above that form and the form filled in.
 */
export function renderFormPage(opts: { nonce?: Nonce | undefined; error?: FormError | undefined } = {}): string {
  const err = opts.error;
  const one = err?.form === 'one' ? err.values : {},
    many = err?.form === 'many' ? err.values : {};
  // Every filled rewrite slot comes back, and at least the three empty ones.
  const slots = Math.min(
    BATCH_MAX_REWRITES,
    Math.max(3, ...Object.keys(many).map((k) => Number(/^rewrite_(\d+)$/.exec(k)?.[1] ?? 0))),
  );
  const body = `<h1>Article diff: what did the rewrite keep, change, drop or add?</h1>
<p class="hint">Paste an original article and a rewrite of it (another outlet’s version, an aggregator’s copy).
The report aligns them claim by claim: kept near-verbatim, paraphrased, dropped or added; quote integrity,
changed facts and whether the rewrite credits the original. Nothing leaves this server.</p>
${err?.form === 'one' ? errorBox(err) : ''}
<form class="compare" method="post" action="/v1/compare?format=html" enctype="multipart/form-data">
<div class="sides">
${side('one', 'original', 'Original', 'e.g. The Atlantic', true, one.original)}
${side('one', 'rewrite', 'Rewrite', 'e.g. Caliber.Az', true, one.rewrite)}
</div>
<button type="submit">Compare</button>
</form>
<h2>One original, many outlets</h2>
<p class="hint">Compare one original with up to ${BATCH_MAX_REWRITES} rewrites at once: a table shows, claim by claim,
which outlets kept, paraphrased or dropped it and which of them credit the source. Blank rewrites are skipped.</p>
${err?.form === 'many' ? errorBox(err) : ''}
<form class="compare batch" method="post" action="/v1/compare/batch?format=html" enctype="multipart/form-data">
<div class="sides">
${side('many', 'original', 'Original', 'e.g. The Atlantic', true, many.original)}
<div class="rewrites">
${Array.from({ length: slots }, (_, i) => i + 1)
  .map((n) => side('many', `rewrite_${n}`, `Rewrite ${n}`, 'outlet name', n === 1, many[`rewrite_${n}`]))
  .join('\n')}
</div>
</div>
<button type="button" class="add-rewrite" hidden>Add a rewrite</button>
<button type="submit">Compare all</button>
</form>
<h2>From a terminal or a pipeline</h2>
<p class="hint"><code>\
curl -H 'Accept: text/plain' -F original=@original.txt -F rewrite=@rewrite.txt http://HOST/v1/compare</code><br>
Formats: JSON (default), <code>Accept: text/html</code>, <code>text/plain</code>, <code>text/markdown</code> or \
<code>?format=…</code>.
One original against up to ${BATCH_MAX_REWRITES} outlets: <code>POST /v1/compare/batch</code>
(<code>-F original=@a.txt -F rewrite_1=@b.txt -F rewrite_1_outlet=B -F rewrite_2=@c.txt</code> …). API reference: \
<a href="/docs">/docs</a>.</p>`;
  return htmlPage(err ? `Could not compare — article diff` : 'Article diff', body, {
    nonce: opts.nonce,
    script: FORM_SCRIPT,
  });
}
