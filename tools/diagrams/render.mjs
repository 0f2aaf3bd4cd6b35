// Renders every bpmn/*.bpmn to docs/diagrams/<key>.png with the bpmn-js NavigatedViewer in headless Chromium.
//
// No network: the page is built with setContent, bpmn-js and its CSS are inlined from node_modules, and every
// request the page would still make is aborted. The browser is Debian's chromium (CHROMIUM overrides the path).
// Chinese labels need a CJK font (Debian: fonts-noto-cjk); text is laid out by bpmn-js in the browser, so line
// breaks follow the font that is actually used.
//
//   node render.mjs                 every model
//   node render.mjs target-approval only the named keys (file names without .bpmn)
//   SCALE=1.25 node render.mjs      another device scale factor (default 1.5)

import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const bpmnDir = join(root, 'bpmn');
const outDir = join(root, 'docs', 'diagrams');
const require = createRequire(import.meta.url);
const bpmnJsDist = dirname(require.resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js'));

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const scale = Number(process.env.SCALE || 1.5);
// Margin around the diagram in diagram units; the bottom one leaves room for the bpmn.io watermark, which the
// bpmn-js licence asks to keep visible, so that it never covers a shape.
const MARGIN = 30;
const MARGIN_BOTTOM = 60;
const FONT = 'Arial, "Liberation Sans", "Noto Sans CJK SC", sans-serif';

if (!existsSync(executablePath)) {
  console.error(`No browser at ${executablePath} (apt-get install chromium, or set CHROMIUM).`);
  process.exit(2);
}

const wanted = process.argv.slice(2);
const keys = (await readdir(bpmnDir))
  .filter((f) => f.endsWith('.bpmn'))
  .map((f) => f.slice(0, -'.bpmn'.length))
  .filter((k) => wanted.length === 0 || wanted.includes(k))
  .sort();
if (keys.length === 0) {
  console.error(`No models to render in ${bpmnDir}${wanted.length ? ` matching ${wanted.join(', ')}` : ''}.`);
  process.exit(2);
}

const html = `<!doctype html>
<html><head><meta charset="utf-8">
<style>
  html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
  #canvas { width: 800px; height: 600px; background: #fff; }
</style></head>
<body><div id="canvas"></div></body></html>`;

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--font-render-hinting=none'] });
let failed = 0;
try {
  for (const key of keys) {
    const xml = await readFile(join(bpmnDir, `${key}.bpmn`), 'utf8');
    const context = await browser.newContext({ deviceScaleFactor: scale, viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.setContent(html);
    await page.addStyleTag({ path: join(bpmnJsDist, 'assets', 'diagram-js.css') });
    await page.addStyleTag({ path: join(bpmnJsDist, 'assets', 'bpmn-js.css') });
    await page.addScriptTag({ path: join(bpmnJsDist, 'bpmn-navigated-viewer.production.min.js') });

    // Import, then size the container to the diagram's bounds (shapes, flows and labels) plus the margins, and
    // show exactly those bounds at 1 screen pixel per diagram unit; the device scale factor makes it sharper.
    const result = await page.evaluate(async ({ xml, FONT, MARGIN, MARGIN_BOTTOM }) => {
      await document.fonts.ready;
      const viewer = new window.BpmnJS({
        container: '#canvas',
        textRenderer: { defaultStyle: { fontFamily: FONT }, externalStyle: { fontFamily: FONT } },
      });
      const { warnings } = await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      const inner = canvas.viewbox().inner;
      const box = {
        x: Math.floor(inner.x - MARGIN),
        y: Math.floor(inner.y - MARGIN),
        width: Math.ceil(inner.width + 2 * MARGIN),
        height: Math.ceil(inner.height + MARGIN + MARGIN_BOTTOM),
      };
      const el = document.getElementById('canvas');
      el.style.width = `${box.width}px`;
      el.style.height = `${box.height}px`;
      canvas.resized();
      canvas.viewbox(box);
      return { warnings: warnings.map((w) => w.message), width: box.width, height: box.height };
    }, { xml, FONT, MARGIN, MARGIN_BOTTOM });

    await page.setViewportSize({ width: result.width, height: result.height });
    const png = await page.locator('#canvas').screenshot({ type: 'png', animations: 'disabled' });
    const out = join(outDir, `${key}.png`);
    await writeFile(out, png);
    for (const w of result.warnings) console.warn(`${key}: import warning: ${w}`);
    for (const p of problems) console.error(`${key}: page error: ${p}`);
    if (problems.length) failed++;
    console.log(`${key}: ${result.width}x${result.height} units at scale ${scale} -> ${out} (${Math.round(png.length / 1024)} KB)`);
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
