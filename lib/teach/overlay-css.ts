/** The teaching overlay's styles, inside its closed shadow root (the EHR's CSS does not reach in, ours does not leak out). */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.panel {
  position: fixed; top: 12px; right: 12px; width: 372px; max-height: calc(100vh - 24px); overflow: auto; pointer-events: auto;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: #1b1f24;
  background: #fff; border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 12px 32px rgba(27, 31, 36, 0.28); padding: 12px 14px;
}
.panel.left { right: auto; left: 12px; }
.bar {
  position: fixed; top: 8px; left: 50%; transform: translateX(-50%); width: min(880px, calc(100vw - 16px)); pointer-events: none; transition: opacity 120ms;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: #1b1f24;
  background: #fff; border: 2px solid #0b5cad; border-radius: 10px; box-shadow: 0 10px 28px rgba(27, 31, 36, 0.30); padding: 8px 10px 6px;
}
.bar button { pointer-events: auto; }
.bar.peek { opacity: 0.12; }
.bar-main { display: flex; align-items: flex-start; gap: 10px; }
.bar .ask { flex: 1; min-width: 0; background: none; border: 0; padding: 0; margin: 0; }
.bar .question { font-size: 15px; }
.bar .hint { margin: 0; }
.bar-actions { display: flex; flex-direction: column; gap: 4px; align-items: stretch; }
.dots { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0 0; padding: 0; }
.dots button { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #d0d7de; border-radius: 12px; padding: 1px 8px 1px 2px; font-size: 12px; color: #3d4852; background: #fff; }
.dots .num { display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 50%; border: 1.5px solid #8c959f; font-size: 11px; font-weight: 600; }
.dots li.now button { border-color: #0b5cad; background: #e8f1fb; color: #0b4f8a; font-weight: 600; }
.dots li.now .num { background: #0b5cad; border-color: #0b5cad; color: #fff; }
.dots li.done .num { background: #1a6b32; border-color: #1a6b32; color: #fff; }
.dots li.bad button { border-color: #a4161a; color: #a4161a; }
.dots li.bad .num { background: #a4161a; border-color: #a4161a; color: #fff; }
header { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
header h1 { font-size: 15px; margin: 0; flex: 1; }
.mark { display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 6px; background: #0b5cad; color: #fff; font-weight: 700; font-size: 13px; }
p { margin: 0 0 6px; }
button, input { font: inherit; color: inherit; }
button { border: 1px solid #6e7781; background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:hover:not(:disabled) { background: #f6f8fa; }
button:focus-visible, input:focus-visible { outline: 2px solid #0b5cad; outline-offset: 2px; }
button:disabled { opacity: 0.55; cursor: not-allowed; }
button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; font-weight: 600; }
button.primary:hover:not(:disabled) { background: #094a8c; }
button.ghost { border-color: transparent; background: transparent; color: #57606a; }
.row { display: flex; gap: 6px; flex-wrap: wrap; }
.ask { background: #e8f1fb; border: 1px solid #b6d3f2; border-radius: 8px; padding: 10px; margin-bottom: 10px; }
.ask .step { font-size: 12px; color: #0b4f8a; font-weight: 600; margin: 0 0 2px; }
.ask .question { font-size: 15px; font-weight: 600; margin: 0 0 4px; }
.ask .hint { color: #3d4852; }
.steps { list-style: none; margin: 0 0 8px; padding: 0; }
.steps li button { display: flex; align-items: center; gap: 8px; width: 100%; text-align: left; border: 0; border-radius: 6px; padding: 3px 6px; background: transparent; }
.steps li button:hover { background: #f6f8fa; }
.steps .num { flex: none; display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%; border: 1.5px solid #8c959f; color: #57606a; font-size: 12px; font-weight: 600; }
.steps .what { flex: 1; min-width: 0; }
.steps .what b { display: block; font-weight: 600; }
.steps .what small { display: block; color: #57606a; font-size: 12px; overflow-wrap: anywhere; }
.steps .redo { color: #0b5cad; font-size: 12px; }
.steps li.now button { background: #e8f1fb; }
.steps li.now .num { background: #0b5cad; border-color: #0b5cad; color: #fff; }
.steps li.done .num { background: #1a6b32; border-color: #1a6b32; color: #fff; }
.steps li.bad .num { background: #a4161a; border-color: #a4161a; color: #fff; }
.steps li.bad small { color: #a4161a; }
.found { color: #1a6b32; background: #eefbf1; border-radius: 6px; padding: 6px 8px; }
.problem { color: #a4161a; background: #fff5f5; border-radius: 6px; padding: 6px 8px; }
.warn { color: #7a4a00; background: #fff8e6; border-radius: 6px; padding: 6px 8px; }
.preview h2 { font-size: 13px; margin: 10px 0 4px; }
.preview table { width: 100%; border-collapse: collapse; font-size: 12px; margin-bottom: 6px; }
.preview th, .preview td { border-bottom: 1px solid #d0d7de; padding: 3px 4px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.preview th { color: #57606a; font-weight: 600; }
.preview dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 6px; font-size: 12px; }
.preview dt { color: #57606a; }
.preview dd { margin: 0; overflow-wrap: anywhere; }
.save { display: flex; align-items: flex-end; gap: 8px; margin: 8px 0; }
.save label { flex: 1; display: grid; gap: 2px; font-size: 12px; color: #57606a; }
.save input { border: 1px solid #6e7781; border-radius: 6px; padding: 4px 6px; color: #1b1f24; }
.fine { font-size: 11px; color: #57606a; margin: 6px 0 0; }
.saved { color: #1a6b32; background: #eefbf1; border-radius: 6px; padding: 10px; font-weight: 600; }
.box { position: fixed; pointer-events: none; border-radius: 4px; }
.box.hover { border: 2px dashed #0b5cad; background: rgba(11, 92, 173, 0.10); }
.box.chosen { border: 2px solid #1a6b32; background: rgba(26, 107, 50, 0.10); }
.box.found { border: 2px dotted #1a6b32; }
.box.row { border: 1px solid rgba(11, 92, 173, 0.45); background: rgba(11, 92, 173, 0.04); }
.tag {
  position: absolute; left: -2px; top: -20px; white-space: nowrap; font: 600 11px/16px system-ui, sans-serif; color: #fff;
  background: #1a6b32; border-radius: 4px 4px 4px 0; padding: 1px 6px;
}
.box.hover .tag { background: #0b5cad; }
.box.found .tag { background: #fff; color: #1a6b32; border: 1px solid #1a6b32; top: auto; bottom: -19px; left: auto; right: -2px; border-radius: 0 0 4px 4px; }
`;
