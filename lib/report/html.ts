/**
 * The practice manager's report: one self-contained HTML page (no network,
 * no CDN, no web fonts; its own CSS and script inline, allowed by hash in a
 * Content-Security-Policy that forbids everything else). Totals first — the
 * share of claims with errors, findings by rule and severity as a bar chart
 * (inline SVG, with the same counts in a table), the top findings and their
 * fixes —, then a filterable table of every finding, then the rules and code
 * tables used and their versions.
 *
 * Written in three parts so a batch of any size streams: htmlRowsOf() for
 * each encounter as it is judged, then htmlDocumentStart() once the totals
 * are known and htmlDocumentEnd(). Every text from the input or the engine
 * goes through escapeHtml.
 */
import type { Severity } from '../../rules/schema';
import type { RuleLevel } from '../../rules/settings';
import { codeWithModifiers, lineNumberOf, lineOf, type FindingFilter, type Judged } from './judged';
import { percent, plural, ReportStats } from './stats';

export interface ReportMeta {
  version: string;
  input: { name: string; format: 'json' | '837' | 'fhir' };
  /** ISO date and time the report was made. */
  generatedAt: string;
  filter: FindingFilter;
  rules: { id: string; summary: string; severity: Severity; level: RuleLevel; reference: string }[];
  tables: { name: string; detail: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'needs review' };
const FORMAT_NAME = {
  json: 'dermlint encounter JSON',
  '837': 'X12 837P (005010X222A1)',
  fhir: 'FHIR R4 Claim',
} as const;
const TOP_RULES = 10;
const TOP_FIXES = 3;

/** One table row per finding of this encounter. */
export function htmlRowsOf(judged: Judged): string {
  let html = '';
  for (const f of judged.findings) {
    const line = lineOf(judged, f);
    const number = lineNumberOf(judged, f);
    html +=
      `<tr data-sev="${f.severity}" data-rule="${escapeHtml(f.rule)}">` +
      `<td class="nowrap">${escapeHtml(judged.encounter.id)}</td>` +
      `<td>${number === null ? `<span class="muted">${judged.source.kind}</span>` : number}</td>` +
      `<td class="nowrap">${line ? escapeHtml(codeWithModifiers(line)) : ''}</td>` +
      `<td><code>${escapeHtml(f.rule)}</code></td>` +
      `<td><span class="sev sev-${f.severity}">${SEVERITY_WORD[f.severity]}</span></td>` +
      `<td>${escapeHtml(f.message)}</td>` +
      `<td>${f.fix ? escapeHtml(f.fix) : ''}</td>` +
      '</tr>\n';
  }
  return html;
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4d5560; --line: #d0d5dc; --paper: #ffffff; --band: #f4f6f8;
  --error: #b3261e; --warning: #8a5300; --info: #1f5fa8; --clean: #2e6b3a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.tiles + h3 { margin-top: 1.25rem; }
.muted, .meta { color: var(--muted); }
.meta { margin: 0 0 1rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
.tiles div { background: var(--band); border-radius: .5rem; padding: .75rem 1rem; }
.tiles dt { color: var(--muted); font-size: .9rem; }
.tiles dd { margin: 0; font-size: 1.5rem; font-weight: 650; }
.tiles dd small { font-size: .95rem; font-weight: 500; color: var(--muted); }
.tiles dd small.below { display: block; }
svg { display: block; width: 100%; height: auto; max-width: 60rem; }
svg text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; vertical-align: -.1rem; margin-right: .35rem; }
.bar-error { fill: var(--error); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); } .bar-clean { fill: var(--clean); }
.swatch-error { background: var(--error); } .swatch-warning { background: var(--warning); } .swatch-info { background: var(--info); } .swatch-clean { background: var(--clean); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.top { padding-left: 1.25rem; }
.top li { margin-bottom: 1rem; }
.top p { margin: .15rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; background: var(--band); padding: .75rem 1rem; border-radius: .5rem; }
.filters label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
.filters input, .filters select, .filters button { font: inherit; color: var(--ink); padding: .3rem .4rem; border: 1px solid #6b7480; border-radius: .3rem; background: var(--paper); }
.filters button { cursor: pointer; }
:focus-visible { outline: 3px solid #1f5fa8; outline-offset: 2px; }
.count { margin: .5rem 0; font-weight: 600; }
.scroll { overflow-x: auto; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
@media print { .filters { display: none; } }
`;

/** Filters the table in place: severity, rule, and words anywhere in the row. */
const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const query = document.getElementById('filter-text');
  const severity = document.getElementById('filter-severity');
  const rule = document.getElementById('filter-rule');
  const count = document.getElementById('shown');
  const rows = Array.from(document.querySelectorAll('#findings tbody tr'));
  const texts = rows.map((row) => row.textContent.toLowerCase());
  const total = rows.length;
  let pending = 0;
  function apply() {
    pending = 0;
    const words = query.value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((row, i) => {
      const keep = (!severity.value || row.dataset.sev === severity.value) && (!rule.value || row.dataset.rule === rule.value) && (!words || texts[i].includes(words));
      row.hidden = !keep;
      if (keep) shown++;
    });
    count.textContent = shown === total ? 'Showing all ' + total.toLocaleString('en-US') + ' findings' : 'Showing ' + shown.toLocaleString('en-US') + ' of ' + total.toLocaleString('en-US') + ' findings';
  }
  const later = () => { if (!pending) pending = setTimeout(apply, total > 5000 ? 150 : 0); };
  query.addEventListener('input', later);
  severity.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  form.addEventListener('submit', (event) => { event.preventDefault(); apply(); });
  form.addEventListener('reset', () => setTimeout(apply, 0));
  for (const button of document.querySelectorAll('button[data-show-rule]')) {
    button.addEventListener('click', () => {
      rule.value = button.dataset.showRule;
      severity.value = '';
      query.value = '';
      apply();
      document.getElementById('every-finding').scrollIntoView();
      rule.focus();
    });
  }
  form.hidden = false;
})();
`;

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Findings by rule as horizontal stacked bars (errors, warnings, to review), drawn to one scale. */
function ruleChart(stats: ReportStats): string {
  const rules = stats.byRule();
  if (rules.length === 0) return '<p>No findings.</p>';
  const labelWidth = 230;
  const barWidth = 420;
  const rowHeight = 26;
  const height = rules.length * rowHeight + 8;
  const max = Math.max(...rules.map((r) => r.error + r.warning + r.info));
  const bars = rules.map((r, i) => {
    const y = 4 + i * rowHeight;
    let x = labelWidth;
    const parts = (['error', 'warning', 'info'] as const).map((sev) => {
      const w = (r[sev] / max) * barWidth;
      const rect = r[sev]
        ? `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(w, 1.5).toFixed(1)}" height="${rowHeight - 10}" class="bar-${sev}"/>`
        : '';
      x += w;
      return rect;
    });
    const total = r.error + r.warning + r.info;
    return `<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeHtml(r.rule)}</text>${parts.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + rowHeight / 2 + 4}">${total.toLocaleString('en-US')}</text>`;
  });
  const describe = rules
    .map((r) => `${r.rule}: ${r.error} errors, ${r.warning} warnings, ${r.info} to review`)
    .join('; ');
  return (
    `<svg viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" role="img" aria-labelledby="chart-title chart-desc">` +
    `<title id="chart-title">Findings by rule and severity</title><desc id="chart-desc">${escapeHtml(describe)}</desc>${bars.join('')}</svg>` +
    '<ul class="legend" aria-label="Legend"><li><span class="swatch swatch-error"></span>error</li><li><span class="swatch swatch-warning"></span>warning</li><li><span class="swatch swatch-info"></span>needs review</li></ul>'
  );
}

/** The share of claims with errors, with findings only below error, and clean, as one bar. */
function shareBar(stats: ReportStats): string {
  const total = stats.encounters;
  if (total === 0) return '';
  const lesser = stats.withFindings - stats.withErrors;
  const clean = total - stats.withFindings;
  const width = 600;
  let x = 0;
  const parts = [
    [stats.withErrors, 'error'],
    [lesser, 'warning'],
    [clean, 'clean'],
  ].map(([n, color]) => {
    const w = ((n as number) / total) * width;
    const rect =
      (n as number) > 0
        ? `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="22" class="bar-${color as string}"/>`
        : '';
    x += w;
    return rect;
  });
  const noun = stats.noun;
  const label = `${percent(stats.withErrors, total)} of ${noun}s have at least one error; ${percent(lesser, total)} only warnings or findings to review; ${percent(clean, total)} nothing found`;
  return (
    `<svg viewBox="0 0 ${width} 22" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>` +
    `<ul class="legend" aria-label="Legend"><li><span class="swatch swatch-error"></span>with errors: ${stats.withErrors.toLocaleString('en-US')} (${percent(stats.withErrors, total)})</li>` +
    `<li><span class="swatch swatch-warning"></span>warnings or review only: ${lesser.toLocaleString('en-US')} (${percent(lesser, total)})</li>` +
    `<li><span class="swatch swatch-clean"></span>nothing found: ${clean.toLocaleString('en-US')} (${percent(clean, total)})</li></ul>`
  );
}

function countsTable(stats: ReportStats): string {
  const rules = stats.byRule();
  if (rules.length === 0) return '';
  const noun = stats.noun;
  const rows = rules
    .map(
      (r) =>
        `<tr><th scope="row"><code>${escapeHtml(r.rule)}</code></th><td class="num">${r.error}</td><td class="num">${r.warning}</td><td class="num">${r.info}</td><td class="num">${r.encounters}</td></tr>`,
    )
    .join('');
  const s = stats.severities;
  return (
    `<div class="scroll"><table><caption>Findings by rule and severity (the counts the chart shows)</caption>` +
    `<thead><tr><th scope="col">Rule</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Needs review</th><th scope="col" class="num">${noun === 'claim' ? 'Claims' : 'Encounters'}</th></tr></thead>` +
    `<tbody>${rows}</tbody><tfoot><tr><th scope="row">All rules</th><td class="num">${s.error}</td><td class="num">${s.warning}</td><td class="num">${s.info}</td><td class="num">${stats.withFindings}</td></tr></tfoot></table></div>`
  );
}

function topFindings(stats: ReportStats, meta: ReportMeta): string {
  const rules = stats.byRule().slice(0, TOP_RULES);
  if (rules.length === 0) return '<p>Nothing to fix.</p>';
  const summaries = new Map(meta.rules.map((r) => [r.id, r.summary]));
  const items = rules.map((r) => {
    const counts = [
      r.error ? plural(r.error, 'error') : '',
      r.warning ? plural(r.warning, 'warning') : '',
      r.info ? `${r.info.toLocaleString('en-US')} to review` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const fixes = ReportStats.topFixes(r, TOP_FIXES);
    const fixList = fixes.length
      ? `<p>Most frequent fixes:</p><ul>${fixes.map(([fix, n]) => `<li>${escapeHtml(fix)} <span class="muted">(${plural(n, 'time')})</span></li>`).join('')}</ul>`
      : '<p class="muted">No fix text: see each finding below.</p>';
    return (
      `<li><h3><code>${escapeHtml(r.rule)}</code></h3><p>${escapeHtml(summaries.get(r.rule) ?? '')}</p>` +
      `<p><strong>${counts}</strong> in ${plural(r.encounters, stats.noun)}.</p>${fixList}` +
      `<button type="button" data-show-rule="${escapeHtml(r.rule)}">Show these findings in the table</button></li>`
    );
  });
  return `<ol class="top">${items.join('')}</ol>`;
}

function rulesUsed(meta: ReportMeta): string {
  const rows = meta.rules
    .map(
      (r) =>
        `<tr><th scope="row"><code>${escapeHtml(r.id)}</code></th><td>${r.level === 'default' ? SEVERITY_WORD[r.severity] : r.level === 'off' ? 'off' : `${SEVERITY_WORD[r.level]} (set; default ${SEVERITY_WORD[r.severity]})`}</td><td>${escapeHtml(r.summary)}</td><td>${escapeHtml(r.reference)}</td></tr>`,
    )
    .join('');
  const tables = meta.tables
    .map((t) => `<li><strong>${escapeHtml(t.name)}</strong> — ${escapeHtml(t.detail)}</li>`)
    .join('');
  const filters = [
    meta.filter.only ? `only the rules ${[...meta.filter.only].map(escapeHtml).join(', ')}` : '',
    meta.filter.minSeverity ? `only findings of severity ${SEVERITY_WORD[meta.filter.minSeverity]} or above` : '',
  ].filter(Boolean);
  return (
    `<p>dermlint ${escapeHtml(meta.version)}. ${filters.length ? `This report shows ${filters.join(' and ')}.` : 'Every finding is shown.'}</p>` +
    `<h3>Code tables</h3><ul>${tables}</ul>` +
    `<h3>Rules</h3><div class="scroll"><table><caption>The ${meta.rules.length} rules, with the severity they were run at</caption>` +
    `<thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">What it catches</th><th scope="col">Source</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** Everything before the rows of the findings table (the totals are known by then). */
export async function htmlDocumentStart(stats: ReportStats, meta: ReportMeta): Promise<string> {
  const [styleHash, scriptHash] = await Promise.all([sha256Base64(STYLE), sha256Base64(SCRIPT)]);
  const noun = stats.noun;
  const nouns = noun === 'claim' ? 'claims' : 'encounters';
  const s = stats.severities;
  const when = meta.generatedAt.replace('T', ' ').slice(0, 16) + ' UTC';
  const ruleOptions = stats
    .byRule()
    .map((r) => r.rule)
    .sort()
    .map((id) => `<option value="${escapeHtml(id)}">${escapeHtml(id)}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>dermlint coding report — ${escapeHtml(meta.input.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Coding report</h1>
<p class="meta">${escapeHtml(meta.input.name)} · ${FORMAT_NAME[meta.input.format]} · checked ${escapeHtml(when)} by dermlint ${escapeHtml(meta.version)}</p>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<dl class="tiles">
<div><dt>${noun === 'claim' ? 'Claims' : 'Encounters'} checked</dt><dd>${stats.encounters.toLocaleString('en-US')}</dd></div>
<div><dt>With errors (likely denied)</dt><dd>${stats.withErrors.toLocaleString('en-US')} <small>${percent(stats.withErrors, stats.encounters)}</small></dd></div>
<div><dt>With any finding</dt><dd>${stats.withFindings.toLocaleString('en-US')} <small>${percent(stats.withFindings, stats.encounters)}</small></dd></div>
<div><dt>Findings</dt><dd>${stats.findings.toLocaleString('en-US')} <small class="below">${plural(s.error, 'error')} · ${plural(s.warning, 'warning')} · ${s.info.toLocaleString('en-US')} to review</small></dd></div>
</dl>
<h3>Share of ${nouns} with errors</h3>
${shareBar(stats)}
</section>
<section aria-labelledby="by-rule">
<h2 id="by-rule">Findings by rule</h2>
${ruleChart(stats)}
${countsTable(stats)}
</section>
<section aria-labelledby="top">
<h2 id="top">Top findings and how to fix them</h2>
${topFindings(stats, meta)}
</section>
<section aria-labelledby="every-finding">
<h2 id="every-finding" tabindex="-1">Every finding</h2>
<form id="filters" class="filters" role="search" aria-label="Filter the findings" hidden>
<label>Words<input type="search" id="filter-text" autocomplete="off"></label>
<label>Severity<select id="filter-severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="info">needs review</option></select></label>
<label>Rule<select id="filter-rule"><option value="">all</option>${ruleOptions}</select></label>
<button type="reset">Clear</button>
</form>
<p id="shown" class="count" role="status">Showing all ${stats.findings.toLocaleString('en-US')} findings</p>
<div class="scroll">
<table id="findings">
<caption>One row per finding; lines are counted from 1, as on the ${noun}</caption>
<thead><tr><th scope="col">${noun === 'claim' ? 'Claim' : 'Encounter'}</th><th scope="col">Line</th><th scope="col">Code</th><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Message</th><th scope="col">Fix</th></tr></thead>
<tbody>
`;
}

export function htmlDocumentEnd(meta: ReportMeta): string {
  return `</tbody>
</table>
</div>
</section>
<section aria-labelledby="used">
<h2 id="used">Rules and tables used</h2>
${rulesUsed(meta)}
</section>
</main>
<footer>
<p>Made on this computer by dermlint ${escapeHtml(meta.version)}; this page loads nothing from the network. It lists claim ids, codes and what the rules found; dermlint reads no patient names, member ids, addresses or birth dates from the file. Keep it where you keep claim files.</p>
</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
