/**
 * The CSS inside the shadow roots dermlint draws on the EHR page (the warnings,
 * the unreadable-screen note, the sign-off prompt): nothing leaks out to the
 * EHR, nothing leaks in. The extension pages' own styles are assets/pages.css.
 */
export const WARNING_CSS = `
:host { all: initial; display: block; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; --c: #a4161a; --bg: #fff5f5; }
:host([data-dermlint-severity="warning"]) { --c: #7a4a00; --bg: #fff8e6; }
:host([data-dermlint-severity="info"]) { --c: #0b4f8a; --bg: #f0f6ff; }
.dl { position: relative; }
/* 24px high at least: WCAG 2.2 target size (2.5.8). The whole title, never cut: the painter finds it room. */
.pill { display: inline-flex; align-items: center; gap: 5px; min-height: 24px; margin: 0; padding: 1px 9px 1px 4px; border-radius: 12px;
  border: 1px solid var(--c); color: var(--c); background: var(--bg); cursor: pointer; font: inherit; font-weight: 600; white-space: nowrap;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.25); }
.pill:focus-visible, .fixbtn:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
/* Open: the pill filled, and its card headed with the same words and colour. */
.pill[aria-expanded="true"] { color: #fff; background: var(--c); }
.pill[aria-expanded="true"] .icon { color: var(--c); background: #fff; }
.title { color: var(--c); font-weight: 700; font-size: 13px; }
.title .rule { float: right; margin-left: 8px; font-weight: 400; }
.icon { display: inline-grid; place-items: center; width: 15px; height: 15px; border-radius: 50%; color: #fff; background: var(--c); font-size: 9px; line-height: 1; }
/* Under the field: which box the pill is about; and a line to a pill that found no room right beside it. */
.mark { position: absolute; display: block; height: 3px; border-radius: 2px; background: var(--c); pointer-events: none; }
.tether { position: absolute; left: 0; top: 0; width: 1px; height: 1px; overflow: visible; pointer-events: none; fill: none; stroke: var(--c); stroke-width: 1.5; stroke-linejoin: round; opacity: 0.8; }
.card { position: absolute; left: var(--dl-cx, 0px); top: var(--dl-cy, calc(100% + 4px)); z-index: 1; width: 22rem; max-width: 80vw; padding: 8px 10px;
  background: #fff; color: #1b1f24; border: 1px solid #8c959f; border-left: 4px solid var(--c); border-radius: 6px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
  white-space: normal; font-weight: 400; }
.card p { margin: 0 0 4px; }
.card p:last-child { margin-bottom: 0; }
.msg { font-weight: 600; }
.ref, .rule { color: #57606a; font-size: 11px; }
code { font: 11px ui-monospace, monospace; }
.fixes { margin: 0 0 4px; }
.fixbtn { min-height: 24px; padding: 2px 10px; border: 0; border-radius: 4px; background: #0b5cad; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.fixes p { margin: 4px 0 0; }
.fixes p:empty { margin: 0; }
.failed, .by-hand { color: #a4161a; font-weight: 600; }
`;

/** The note that a screen could not be read (drawn by the content script itself, without the paint kit). */
export const STATUS_CSS = `
:host { all: initial; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.status { position: fixed; z-index: 2147483000; right: 12px; bottom: 12px; max-width: 24rem; padding: 6px 10px; border-radius: 6px; background: #fff;
  border: 1px solid #8c959f; color: #1b1f24; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
`;

export const SIGNOFF_CSS = `
:host { all: initial; position: absolute; z-index: 2147483001; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
.signoff { width: 17rem; padding: 10px 12px; background: #fff; border: 1px solid #a4161a; border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / .25); }
.signoff p { margin: 0 0 8px; font-weight: 600; color: #a4161a; }
.icon { display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%; background: #a4161a; color: #fff; font-size: 10px; }
.actions { display: flex; gap: 8px; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; cursor: pointer; border: 1px solid #57606a; background: #fff; color: #1b1f24; }
button.review { background: #0b5cad; border-color: #0b5cad; color: #fff; }
button:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
`;
