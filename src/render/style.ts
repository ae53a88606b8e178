/**
 * The one stylesheet of the HTML pages, inlined (self-contained: no CDN, no web fonts).
 * System font stacks only. Colours are paired with markers and text labels so status never rests on
 * colour alone, and `@media print` keeps the colours and avoids splitting a row across pages. A `\` at a line's
 * end continues the rule on the next line without putting a newline into the stylesheet.
 */
export const CSS = `
:root{--kept:#1a6b2c;--kept-bg:#e6f4ea;--para:#805300;--para-bg:#fff3cd;--drop:#b3261e;--drop-bg:#fde7e9;
--add:#1a5fb4;--add-bg:#e3effd;--fact:#7b1fa2;--fact-bg:#f3e5f5;--ink:#1d1d1f;--muted:#595960;--line:#d9d9de;\
--bg:#fafafa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
color:var(--ink);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.35rem;margin:.2rem 0 .8rem}
h2{font-size:1.1rem;margin:1.6rem 0 .6rem}
a{color:var(--add)}
.summary{display:flex;flex-wrap:wrap;align-items:stretch;gap:.6rem;background:#fff;border:1px solid var(--line);\
border-radius:10px;padding:.8rem;box-shadow:0 2px 6px rgba(0,0,0,.06)}
.verdict{font-size:1.15rem;font-weight:700;padding:.45rem .8rem;border-radius:8px;color:#fff;display:flex;\
align-items:center;text-transform:uppercase;letter-spacing:.03em}
.verdict-wholly_derived{background:var(--drop)}.verdict-partially_derived{background:var(--para)}\
.verdict-independent{background:var(--kept)}
.metric{display:flex;flex-direction:column;justify-content:center;padding:0 .7rem;border-left:1px solid var(--line)}
.metric b{font-size:1.25rem;line-height:1.1}.metric span{font-size:.78rem;color:var(--muted)}
.credit{display:flex;align-items:center;padding:.45rem .8rem;border-radius:8px;font-weight:600}
.credit.credited{background:var(--kept-bg);color:var(--kept)}
.credit.uncredited{background:var(--drop);color:#fff;font-size:1.05rem;font-weight:800;letter-spacing:.02em;\
box-shadow:0 0 0 3px var(--drop-bg)}
.credit.none{background:#eee;color:#45454b}
.credit.unchecked{background:#eef1f6;color:#2d3a55;border:1px dashed #7a88a8}
.counts{display:flex;flex-direction:column;justify-content:center;font-size:.85rem;padding-left:.7rem;\
border-left:1px solid var(--line)}
.tally{flex-basis:100%;font-size:.85rem;color:var(--fact)}
section.findings{background:#fff;border:1px solid var(--line);border-radius:10px;padding:.2rem .9rem .6rem;\
margin-top:.8rem}
section.findings h2{margin:.6rem 0 .3rem}
section.findings ol{margin:0;padding-left:1.4rem}
section.findings li{margin:.2rem 0}
section.findings li[data-problem] b{color:var(--drop)}
section.findings li[data-problem] b a{color:inherit}
section.findings .where{font:600 .75rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
.switches{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;border:0;padding:0;margin:.8rem 0 0;font-size:.9rem}
.switches legend{float:left;padding:0;margin-right:.4rem}
.switches label{display:inline-flex;align-items:center;gap:.3rem;margin:0;color:var(--ink);font-size:.9rem}
.report:has(.hide-dropped:checked) .row[data-status=dropped]{display:none}
.report:has(.hide-boilerplate:checked) .row.boilerplate{display:none}
.report:has(.only-problems:checked) .row:not([data-problem]){display:none}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.82rem;color:var(--muted);margin:.8rem 0}
.legend span{display:inline-flex;align-items:center;gap:.3rem}
.sw{display:inline-block;width:1.6rem;height:1rem;border-radius:3px;border-left:4px solid}
.heads,.row{display:grid;grid-template-columns:minmax(0,1fr) 3.2rem minmax(0,1fr)}
.heads{position:sticky;top:0;font-weight:700;border-bottom:2px solid var(--line);padding:.3rem 0;background:var(--bg);\
z-index:3}
.heads div{padding:0 .6rem}
.row{border-bottom:1px solid #ececf0}
.row.para{border-top:2px solid var(--line)}
.cell{padding:.35rem .6rem;min-height:1.5rem}
.gutter{text-align:center;font:700 1rem/1.2 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);\
padding-top:.45rem}
.claim{display:block;border-left:4px solid transparent;padding:.15rem .5rem;border-radius:3px;scroll-margin-top:7rem}
.claim+.claim{margin-top:.25rem}
.claim[data-status=kept]{background:var(--kept-bg);border-color:var(--kept)}
.claim[data-status=paraphrased]{background:var(--para-bg);border-color:var(--para)}
.claim[data-status=dropped]{background:var(--drop-bg);border-color:var(--drop)}
.claim[data-status=added]{background:var(--add-bg);border-color:var(--add)}
.claim[data-changed=true]{background:var(--fact-bg);border-color:var(--fact);border-left-style:double}
.gutter .changed{color:var(--fact);font-size:.7rem}
.claim:target,.claim.hl{outline:2px solid var(--ink);outline-offset:1px}
.cid{font:600 .7rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-right:.35rem;\
text-decoration:none}
del{background:#f7c1c4;color:#6d1010;text-decoration:line-through;text-decoration-thickness:1px}
ins{background:#b9e6c5;color:#0c4a1f;text-decoration:none}
mark.cite{background:#cdebd5;color:inherit;outline:2px solid var(--kept);outline-offset:0;border-radius:2px}
mark.fact{background:var(--fact-bg);color:inherit;outline:2px dashed var(--fact);outline-offset:0;border-radius:2px}
.quote{text-decoration:underline;text-decoration-color:#888;text-underline-offset:3px}
.quote.q-altered,.quote.q-from_narration,.quote.q-not_in_original,\
.quote.q-dropped{text-decoration:underline wavy #d84315;text-decoration-thickness:2px}
.moved{display:inline-block;background:var(--ink);color:#fff;border-radius:3px;padding:0 .25rem;margin-top:.2rem;\
font-size:.7rem}
.row-flags{margin:.25rem 0 0;padding:0 0 0 1.2rem;font-size:.85rem;color:var(--fact)}
.row-flags li::marker{content:"⚠ "}
.boilerplate .cell{color:#64646b;font-size:.82rem;font-style:italic}
.boilerplate .bp-kind{font-style:normal;font-weight:600;text-transform:uppercase;font-size:.68rem;letter-spacing:.04em;\
margin-right:.35rem}
.empty{color:var(--muted);font-style:italic}
form.compare{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;min-width:0}
legend{font-weight:700;padding:0 .3rem}
label{display:block;font-size:.85rem;color:var(--muted);margin:.4rem 0 .15rem}
textarea{width:100%;min-height:16rem;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:.5rem;\
border:1px solid var(--line);border-radius:6px;resize:vertical}
form.batch .rewrites{display:flex;flex-direction:column;gap:1rem;min-width:0}
form.batch .rewrites textarea{min-height:7rem}
form.batch .sides{align-items:start}
button.add-rewrite{background:#fff;color:var(--ink);box-shadow:inset 0 0 0 1px var(--ink);margin-right:.5rem}
input[type=text]{width:100%;padding:.4rem;border:1px solid var(--line);border-radius:6px;font:inherit}
.kind{display:flex;gap:1rem;font-size:.85rem}.kind label{display:inline;margin:0;color:inherit}
button{margin-top:.9rem;font:600 1rem system-ui,sans-serif;padding:.55rem 1.4rem;border:0;border-radius:8px;\
background:var(--ink);color:#fff;cursor:pointer}
.hint{font-size:.82rem;color:var(--muted)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:#eee;padding:0 .2rem;\
border-radius:3px}
table.matrix{border-collapse:collapse;width:100%;background:#fff;font-size:.85rem}
.matrix th,.matrix td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
.matrix thead th{position:sticky;top:0;background:#fff;z-index:2;box-shadow:inset 0 -2px 0 var(--line)}
.matrix td[data-status=unrelated]{background:#f4f4f6;color:#505057;font-weight:400}
.matrix td.st{text-align:center;font-weight:700;white-space:nowrap;width:7rem}
.matrix td[data-status=kept]{background:var(--kept-bg);color:var(--kept)}
.matrix td[data-changed=true]{background:var(--fact-bg);color:var(--fact);font-weight:600}
.matrix td[data-status=paraphrased]{background:var(--para-bg);color:var(--para)}
.matrix td[data-status=dropped]{background:var(--drop-bg);color:var(--drop)}
.matrix td[data-status=error]{background:#eee;color:var(--muted)}
.matrix .ctext{max-width:36rem}
.tag{display:inline-block;border-radius:4px;padding:0 .35rem;font-size:.75rem;font-weight:700}
.tag.credited{background:var(--kept-bg);color:var(--kept)}.tag.uncredited{background:var(--drop);color:#fff}
.tag.unchecked{background:#eef1f6;color:#2d3a55}
details.outlet{margin:.8rem 0;border:1px solid var(--line);border-radius:8px;background:#fff;padding:.4rem .8rem}
details.outlet>summary{cursor:pointer;font-weight:700}
.problem{color:var(--drop)}
.form-error{background:var(--drop-bg);border:2px solid var(--drop);border-radius:10px;padding:.2rem 1rem .4rem;\
margin:.8rem 0;color:#5c0f0a}
.form-error h2{margin:.6rem 0 .3rem;color:var(--drop)}
.form-error .hint{color:#5c0f0a}
.matrix td.num{text-align:center}
@media (max-width:760px){.sides{grid-template-columns:1fr}.heads,.row{grid-template-columns:minmax(0,\
1fr) 2rem minmax(0,1fr)}body{font-size:14px}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}
.summary,.heads,.matrix thead th{position:static;box-shadow:none}
.row,.claim,.matrix tr{break-inside:avoid}
form,.noprint{display:none}
.claim.hl{outline:none}
details.outlet{border:0}details.outlet>summary{list-style:none}
a{color:inherit;text-decoration:none}
}
`;
