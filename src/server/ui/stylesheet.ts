/**
 * @module The one stylesheet, served at `/assets/tollgate.css` with a long cache lifetime.
 *
 * Colours meet WCAG AA contrast (4.5:1 for text) on their backgrounds; focus is always visible.
 */
import { createHash } from 'node:crypto';

export const STYLESHEET = `
:root{--fg:#1b1f24;--muted:#4a5360;--bg:#fff;--panel:#f5f7fa;--line:#d5dbe3;--link:#0b57c2;--ok:#116329;--ok-bg:#e6f4ea;--warn:#7a4a00;--warn-bg:#fff4d6;--bad:#a40e26;--bad-bg:#fde8ea;--focus:#ffbf47;
--p-human:#3a6ea5;--p-assisted:#c9780c;--p-authored:#8a3ab9}
*{box-sizing:border-box}
html{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.stale-row td{color:var(--muted)}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:#fff;padding:.5rem 1rem}
.skip:focus{left:0;z-index:2}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:1rem 2rem;padding:.6rem 1.5rem;background:#14213d;color:#fff}
header.top a{color:#fff;text-decoration:none}
header.top .brand{font-weight:700;font-size:1.1rem;letter-spacing:.02em}
header.top nav{display:flex;gap:1.2rem;flex-wrap:wrap}
header.top nav a{padding:.2rem 0;border-bottom:2px solid transparent}
header.top nav a[aria-current=page]{border-bottom-color:var(--focus)}
header.top .who{margin-left:auto;display:flex;gap:.75rem;align-items:center;font-size:.9rem}
header.top .who button{background:transparent;color:#fff;border:1px solid #9fb0cc;border-radius:4px;padding:.15rem .6rem;cursor:pointer}
main{max-width:1180px;margin:0 auto;padding:1.25rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.2rem 0 1rem}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .4rem}
.muted{color:var(--muted)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:var(--panel);font-weight:600;font-size:.9rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.8rem;font-weight:600;border:1px solid transparent;white-space:nowrap}
.v-allow,.ok{background:var(--ok-bg);color:var(--ok);border-color:#9bd3ab}
.v-needs-approval,.warn{background:var(--warn-bg);color:var(--warn);border-color:#f0c96b}
.v-blocked,.bad{background:var(--bad-bg);color:var(--bad);border-color:#f1a7b2}
.tier-1{background:#14213d;color:#fff}.tier-2{background:#dfe6f2;color:#14213d}.tier-3{background:var(--panel);color:var(--muted);border-color:var(--line)}
.sev-critical{background:var(--bad);color:#fff}.sev-high{background:var(--bad-bg);color:var(--bad)}.sev-medium{background:var(--warn-bg);color:var(--warn)}.sev-low,.sev-info{background:var(--panel);color:var(--muted)}
.prov-human{color:var(--p-human)}.prov-ai-assisted{color:#8a5200}.prov-ai-authored{color:var(--p-authored)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem 2rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem}
.panel>h2:first-child{margin-top:0}
caption{text-align:left;padding:.2rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:.8rem;margin:.6rem 0 1rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.card .value{font-size:1.5rem;font-weight:700;font-variant-numeric:tabular-nums}
.card .label{font-size:.85rem;color:var(--muted)}
.card.alert{border-color:var(--bad);background:var(--bad-bg)}
ul.checklist{list-style:none;padding:0;margin:0}
ul.checklist li{padding:.35rem 0;border-bottom:1px solid var(--line);display:flex;gap:.6rem}
ul.checklist .mark{font-weight:700;width:1.2rem;flex:none}
ul.checklist .met .mark{color:var(--ok)}ul.checklist .unmet .mark{color:var(--bad)}
.missing{background:var(--bad-bg);color:var(--bad);font-weight:600}
.stale{color:var(--muted);text-decoration:line-through}
form.inline{display:inline}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.actions form{border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem;background:var(--panel);display:flex;flex-direction:column;gap:.4rem;min-width:260px}
label{font-weight:600;font-size:.9rem}
input[type=text],input[type=password],input[type=date],select,textarea{font:inherit;padding:.35rem .5rem;border:1px solid #8b96a5;border-radius:4px;background:#fff;color:var(--fg);max-width:100%}
textarea{min-height:3.5rem}
button,.button{font:inherit;font-weight:600;padding:.4rem .9rem;border-radius:4px;border:1px solid #0b3d91;background:#0b57c2;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:#0b3d91}
button.danger{background:var(--bad);border-color:#7a0a1c}
.notice{border-left:4px solid var(--link);background:#eef4fd;padding:.6rem .9rem;margin:.6rem 0}
.notice.bad{border-left-color:var(--bad);background:var(--bad-bg)}
.notice.ok{border-left-color:var(--ok);background:var(--ok-bg)}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:flex-end;margin:.5rem 0 1rem}
.filters div{display:flex;flex-direction:column;gap:.2rem}
figure.chart{margin:0 0 1.2rem}
figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
figure.chart svg{width:100%;max-width:720px;height:auto;display:block}
svg .grid{stroke:var(--line);stroke-width:1}
svg text.axis{font-size:11px;fill:var(--muted)}
.p-human{fill:var(--p-human);background:var(--p-human)}.p-assisted{fill:var(--p-assisted);background:var(--p-assisted)}.p-authored{fill:var(--p-authored);background:var(--p-authored)}
.b-fast{fill:#1f7a3a;background:#1f7a3a}.b-mid{fill:#6c8e1d;background:#6c8e1d}.b-slow{fill:#c9780c;background:#c9780c}.b-slower{fill:#a40e26;background:#a40e26}.b-open{fill:#6b7785;background:#6b7785}
ul.legend{list-style:none;display:flex;gap:1rem;padding:0;margin:.3rem 0;font-size:.85rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.05rem;border-radius:2px}
.login{max-width:560px}
.login ul{list-style:none;padding:0;display:grid;gap:.5rem}
.login li form{display:flex;justify-content:space-between;align-items:center;gap:1rem;border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem}
.chain-ok{color:var(--ok);font-weight:700}.chain-bad{color:var(--bad);font-weight:700}
.pager{display:flex;gap:1rem;margin:1rem 0}
pre{white-space:pre-wrap;word-break:break-word;background:var(--panel);padding:.6rem;border-radius:4px;max-height:18rem;overflow:auto}
@media (max-width:700px){main{padding:1rem}header.top .who{margin-left:0}}
`;

/** Short content hash, appended to the stylesheet URL so browsers may cache it forever. */
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 10);
