import { htmlPage, type Nonce } from './html.js';

/** Largest number of rewrites one batch accepts (also enforced by the batch route's schema). */
export const BATCH_MAX_REWRITES = 10;

/** Reads a chosen file into the side's textarea and ticks "HTML page" for .html files (progressive enhancement). */
const FORM_SCRIPT = `document.querySelectorAll('input[type=file][data-side]').forEach(function(input){input.addEventListener('change',function(){var f=input.files&&input.files[0];if(!f)return;var side=input.getAttribute('data-side');var r=new FileReader();r.onload=function(){var ta=document.querySelector('textarea[name="'+side+'"]');if(ta)ta.value=String(r.result);var html=/\\.html?$/i.test(f.name)||/^\\s*<(!doctype html|html)/i.test(String(r.result));var radio=document.querySelector('input[name="'+side+'_type"][value="'+(html?'html':'text')+'"]');if(radio)radio.checked=true};r.readAsText(f)})});`;

function side(name: 'original' | 'rewrite', label: string, outletHint: string): string {
  return `<fieldset><legend>${label}</legend>
<label for="${name}">Paste the article (plain text or the page’s HTML)</label>
<textarea id="${name}" name="${name}" required spellcheck="false"></textarea>
<div class="kind" role="radiogroup" aria-label="${label} format"><label><input type="radio" name="${name}_type" value="text" checked> plain text</label><label><input type="radio" name="${name}_type" value="html"> HTML page (article body extracted)</label></div>
<label for="${name}_file">…or load a file</label>
<input type="file" id="${name}_file" data-side="${name}" accept=".txt,.html,.htm,.md,text/plain,text/html">
<label for="${name}_outlet">Outlet (optional)</label>
<input type="text" id="${name}_outlet" name="${name}_outlet" maxlength="200" placeholder="${outletHint}">
</fieldset>`;
}

/**
 * The `GET /` page: a form that posts the two articles (multipart) to `POST /v1/compare?format=html` and so
 * gets the HTML report. Works without JavaScript; the script only loads chosen files into the text areas.
 */
export function renderFormPage(opts: { nonce?: Nonce | undefined } = {}): string {
  const body = `<h1>Article diff: what did the rewrite keep, change, drop or add?</h1>
<p class="hint">Paste an original article and a rewrite of it (another outlet’s version, an aggregator’s copy).
The report aligns them claim by claim: kept near-verbatim, paraphrased, dropped or added; quote integrity,
changed facts and whether the rewrite credits the original. Nothing leaves this server.</p>
<form class="compare" method="post" action="/v1/compare?format=html" enctype="multipart/form-data">
<div class="sides">
${side('original', 'Original', 'e.g. The Atlantic')}
${side('rewrite', 'Rewrite', 'e.g. Caliber.Az')}
</div>
<button type="submit">Compare</button>
</form>
<h2>From a terminal or a pipeline</h2>
<p class="hint"><code>curl -H 'Accept: text/plain' -F original=@original.txt -F rewrite=@rewrite.txt http://HOST/v1/compare</code><br>
Formats: JSON (default), <code>Accept: text/html</code>, <code>text/plain</code>, <code>text/markdown</code> or <code>?format=…</code>.
One original against up to ${BATCH_MAX_REWRITES} outlets: <code>POST /v1/compare/batch</code>. API reference: <a href="/docs">/docs</a>.</p>`;
  return htmlPage('Article diff', body, { nonce: opts.nonce, script: FORM_SCRIPT });
}
