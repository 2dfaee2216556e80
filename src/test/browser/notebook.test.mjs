// The workbook as a person uses it: the README's command (environment/start.sh) starts Jupyter Notebook, a real
// browser (Debian's Chromium, headless, driven by playwright-core) opens the printed address, runs notebooks
// with Cell -> Run All, interrupts a training cell with the toolbar's stop button, and this test checks what
// is on screen. Screenshots go to target/browser/.
//
// Run through src/test/browser/run.sh (installs what is missing) or environment/test.sh. Settings (env):
//   GANWB_CHROMIUM          the browser (default /usr/bin/chromium)
//   GANWB_BROWSER_TRAINING  the training notebook to run (default 07-mnist.ipynb)
//   GANWB_BROWSER_LONG_CELL the long training cell typed at its end and interrupted (default: 07's trainer, 1000 epochs)
//   GANWB_BROWSER_NEXT_CELL the cell run after the interrupt; must show a picture (default: samples of 07's model)
//   GANWB_BUDGET            passed on to the server and so to the kernel (run.sh sets smoke)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, listeningSockets, startServer, stopServer } from './server.mjs';
import {
  cellLocator, fullNotebookScreenshot, notebookReady, readCells, recordImageChanges, liveUpdates, runAllFromMenu, scrollToTop, selectLastCell, takeImageLog,
  typeAndRunNewCell, waitAllDone, waitKernelIdle, wrappedLines,
} from './jupyter.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OUT = path.join(ROOT, 'target/browser');
const CHROMIUM = process.env.GANWB_CHROMIUM || '/usr/bin/chromium';
const TRAINING = process.env.GANWB_BROWSER_TRAINING || '07-mnist.ipynb';
const PREFIX = TRAINING.split('-')[0]; // screenshot names: 07-live.png, ...
const NB_DIR = path.join(ROOT, 'notebooks');
const RUN_ALL_TIMEOUT_MS = 420_000;
const INTERRUPT_LIMIT_S = 2.0;
// Typed into a new cell at the end of the training notebook, then interrupted: the same training, far longer
// (1000 epochs: hours), with the notebook's live dashboard still updating.
const LONG_TRAINING_CELL = process.env.GANWB_BROWSER_LONG_CELL || 'trainer.trainEpochs(1000)';
// Run after the interrupt: the interrupted model is still usable and draws a picture.
const NEXT_CELL = process.env.GANWB_BROWSER_NEXT_CELL
  || 'ImageGrid.square(28).columns(10).scale(2).render(trainer.sample(10, new SplittableRandom(5)))';

// Blank or near-blank pictures fail: a rendered chart or digit grid has far more contrast than this.
const MIN_PIXEL_STD = 8; // standard deviation of the luminance, 0-255
const MIN_COLOURS = 2;

let server, browser, context;
const report = { screenshots: [], timings: {} };
const notebookHashes = new Map();

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const shot = async (target, name, what) => {
  const file = path.join(OUT, name);
  await target.screenshot({ path: file });
  report.screenshots.push({ file: path.relative(ROOT, file), what });
};
const fullShot = async (page, name, what) => {
  const file = path.join(OUT, name);
  await fullNotebookScreenshot(page, file);
  report.screenshots.push({ file: path.relative(ROOT, file), what });
};
const log = (...a) => console.log('   ', ...a);

/** Waits until the server's list of notebook sessions (file names) satisfies ok. */
async function waitForSessions(ok, what, timeoutMs = 30_000) {
  const t0 = Date.now();
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/sessions`, { headers: { Authorization: `token ${server.token}` } });
    const names = (await res.json()).map((s) => path.basename(s.path ?? s.notebook?.path ?? ''));
    if (ok(names)) return names;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}; sessions: ${names}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Asserts what a person expects after Run All: every code cell ran, no error or stderr output, pictures not blank. */
function assertCleanRun(cells, name) {
  const code = cells.filter((c) => c.type === 'code' && c.source.trim() !== '');
  assert.ok(code.length > 0, `${name}: no code cells`);
  for (const c of code) {
    const where = `${name}, cell ${c.index} (${JSON.stringify(c.source.split('\n')[0])})`;
    assert.equal(c.running, false, `${where} is still running`);
    assert.ok(Number.isInteger(c.prompt), `${where} did not run (prompt ${c.prompt})`);
    assert.deepEqual(c.errors, [], `${where} shows an error`);
    assert.deepEqual(c.stderr, [], `${where} wrote to stderr`);
    for (const [i, img] of c.images.entries()) {
      const about = `${where}: image ${i} (${img.width}x${img.height}, luminance std ${img.std.toFixed(1)}, ${img.colours} colours)`;
      assert.ok(img.width >= 20 && img.height >= 20, `${about} is missing or tiny`);
      assert.ok(img.std >= MIN_PIXEL_STD && img.colours >= MIN_COLOURS, `${about} is blank`);
    }
  }
  const counts = code.map((c) => c.prompt);
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b), `${name}: cells ran out of order: ${counts}`);
}

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM} (set GANWB_CHROMIUM)`);
  for (const f of readdirSync(NB_DIR).filter((f) => f.endsWith('.ipynb'))) notebookHashes.set(f, sha(path.join(NB_DIR, f)));

  const port = await freePort();
  const t0 = Date.now();
  server = await startServer({ root: ROOT, port, logFile: path.join(OUT, 'server.log') });
  report.timings.serverStartS = (Date.now() - t0) / 1000;
  log(`server up in ${report.timings.serverStartS} s: ${server.url.replace(server.token, '<token>')}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine's network is closed: without these, Chromium keeps trying to reach Google's services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  const pageErrors = [];
  context.on('page', (p) => {
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
  });
  report.pageErrors = pageErrors;
});

after(async () => {
  try { await browser?.close(); } finally { await stopServer(server); }
  writeFileSync(path.join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nScreenshots in ${path.relative(ROOT, OUT)}/:`);
  for (const s of report.screenshots) console.log(`  ${path.basename(s.file).padEnd(32)} ${s.what}`);
  if (report.pageErrors?.length) console.log(`Browser console errors (not failures):\n  ${report.pageErrors.join('\n  ')}`);
});

test('the server listens on 127.0.0.1 only, and refuses requests without its token', async () => {
  assert.match(server.token, /^[0-9a-f]{32,}$/, 'the printed address carries no proper token');
  const base = `http://127.0.0.1:${server.port}`;
  const get = (p, headers = {}) => fetch(`${base}${p}`, { redirect: 'manual', headers });
  for (const p of ['/api/kernels', '/api/contents']) {
    const res = await get(p);
    assert.equal(res.status, 403, `GET ${p} without the token answered ${res.status}, expected 403`);
    const wrong = await get(`${p}?token=${'0'.repeat(48)}`);
    assert.equal(wrong.status, 403, `GET ${p} with a wrong token answered ${wrong.status}, expected 403`);
    const ok = await get(p, { Authorization: `token ${server.token}` });
    assert.equal(ok.status, 200, `GET ${p} with the token answered ${ok.status}`);
  }
  const tree = await get('/tree');
  assert.equal(tree.status, 302, `GET /tree without the token answered ${tree.status}, expected a redirect to the login page`);
  assert.match(tree.headers.get('location') ?? '', /\/login\b/);

  const sockets = listeningSockets(server.proc.pid);
  log('listening:', sockets.map((s) => `${s.ip}:${s.port} (${s.command.split(' ')[0]})`).join(', '));
  const own = sockets.filter((s) => s.port === server.port);
  assert.ok(own.length >= 1, `the server's pid tree has no listening socket on port ${server.port}`);
  for (const s of own) assert.equal(s.ip, '127.0.0.1', `the server listens on ${s.ip}:${s.port}`);
});

test('00-start-here: the printed address opens it; Run All shows digits, charts and a table', async () => {
  const page = await context.newPage();
  await page.goto(server.url); // what a person pastes into the browser
  await page.waitForURL(/\/notebooks\/00-start-here\.ipynb/, { timeout: 30_000 });
  await notebookReady(page);
  await shot(page, '00-start-here-opened.png', '00-start-here just opened from the printed address, kernel idle');

  const t0 = Date.now();
  await runAllFromMenu(page);
  const seconds = await waitAllDone(page, RUN_ALL_TIMEOUT_MS);
  report.timings.startHereRunAllS = seconds;
  log(`Run All finished in ${seconds.toFixed(1)} s`);

  const cells = await readCells(page);
  assertCleanRun(cells, '00-start-here');
  const info = cells.find((c) => c.type === 'code' && c.source.includes('Workbook.info()'));
  assert.ok(info && info.text.length > 0, 'Workbook.info() shows nothing');
  assert.doesNotMatch(info.text, /NOT READY/, `Workbook.info() reports a problem:\n${info.text}`);
  const wrapped = await wrappedLines(page, info.index);
  assert.deepEqual(wrapped, [], `Workbook.info() has lines too long for the page, which the browser breaks: ${JSON.stringify(wrapped)}`);

  const images = cells.flatMap((c) => c.images);
  assert.ok(images.length >= 5, `expected at least 5 pictures (2 digit grids, 2 charts, the mean digit), found ${images.length}`);
  const tables = cells.flatMap((c) => c.tables);
  const counts = tables.find((t) => t.headers.includes('digit'));
  assert.ok(counts, `no rendered HTML table with a "digit" column (tables: ${JSON.stringify(tables)})`);
  assert.deepEqual(counts.headers, ['digit', 'train', 'valid', 'test']);
  assert.equal(counts.rows, 10, 'the per-digit table should have one row per digit');

  await scrollToTop(page);
  await shot(page, '00-start-here-top.png', 'top of 00-start-here after Run All: Workbook.info() output, kernel idle');
  await shot(await cellLocator(page, 'render(first.images())'), '00-digits.png', 'the first 40 MNIST training digits (ImageGrid)');
  await shot(await cellLocator(page, 'Charts.image(histogram)'), '00-chart.png', 'XChart line chart: pixel-value histogram, log y axis');
  await shot(await cellLocator(page, 'Charts.bars('), '00-bars.png', 'XChart bar chart: mean pixel value per digit');
  await shot(await cellLocator(page, 'Table counts'), '00-table.png', 'Tablesaw table rendered as HTML: images per digit and split');
  await fullShot(page, '00-start-here-full.png', 'the whole of 00-start-here after Run All');
  // Done with it, as a person is: File -> Close and Halt, so that its kernel (a JVM) does not idle beside 07's.
  await page.click('#filelink');
  await page.click('#close_and_halt > a');
  await waitForSessions((names) => !names.includes('00-start-here.ipynb'), 'the 00-start-here kernel to halt');
  if (!page.isClosed()) await page.close();
  report.timings.startHereTestS = (Date.now() - t0) / 1000;
});

let trainingPage;

test(`${TRAINING}: opened from the file list; Run All; the live plot updates while training`, async () => {
  const t0 = Date.now();
  const tree = await context.newPage();
  await tree.goto(`http://127.0.0.1:${server.port}/tree`); // the browser keeps the login cookie
  await tree.waitForSelector('#notebook_list a.item_link[href$=".ipynb"]'); // the list loads after the page
  const link = tree.locator(`#notebook_list a.item_link[href$="/${TRAINING}"]`);
  assert.equal(await link.count(), 1, `${TRAINING} is not in the file list of the notebook folder`);
  await shot(tree, 'file-list.png', 'the file list (/tree) of the notebook folder');
  const [page] = await Promise.all([context.waitForEvent('page'), link.click()]); // Jupyter opens a new tab
  trainingPage = page;
  await tree.close();
  await notebookReady(page);
  await recordImageChanges(page);

  await runAllFromMenu(page);
  // While it trains: wait for the second change of a picture, then take a screenshot of it at that moment.
  await page.waitForFunction(() => {
    const seen = new Map(); let changes = 0;
    for (const e of window.__imageLog ?? []) {
      if (seen.has(e.cell) && seen.get(e.cell) !== e.key && e.running >= 0) changes++;
      seen.set(e.cell, e.key);
    }
    return changes >= 2;
  }, null, { timeout: RUN_ALL_TIMEOUT_MS, polling: 50 });
  const early = liveUpdates(await takeImageLog(page))[0];
  const liveLocator = page.locator('#notebook-container > .cell').nth(early.cell);
  await liveLocator.scrollIntoViewIfNeeded();
  await shot(page, `${PREFIX}-live.png`, `${TRAINING} during Run All: the live plot mid-training (cell ${early.running} running)`);

  const seconds = await waitAllDone(page, RUN_ALL_TIMEOUT_MS);
  report.timings.trainingRunAllS = (Date.now() - t0) / 1000;
  log(`Run All finished ${seconds.toFixed(1)} s after the first live updates`);
  const cells = await readCells(page);
  assertCleanRun(cells, TRAINING);

  const tables = cells.flatMap((c) => c.tables);
  const table1 = tables.find((t) => t.headers.includes('log-likelihood'));
  assert.ok(table1, `no rendered HTML table with a "log-likelihood" column (tables: ${JSON.stringify(tables)})`);
  assert.deepEqual(table1.headers, ['model', 'log-likelihood', '± s.e.', 'source']);
  assert.equal(table1.rows, 8, 'Table 1 should have 4 rows from the paper, this notebook\'s and 3 calibration rows');
  const history = tables.find((t) => t.headers.includes('itPerSec'));
  assert.ok(history && history.rows >= 1, `no rendered per-epoch history table (tables: ${JSON.stringify(tables)})`);

  const updates = liveUpdates(await takeImageLog(page));
  report.liveUpdates = updates;
  for (const u of updates) {
    log(`live plot in cell ${u.cell}: ${u.changes} new pictures while cell ${u.running} ran (${u.seconds.toFixed(1)} s)`);
  }
  const best = updates[0];
  assert.ok(best && best.changes >= 2,
    `no picture changed at least twice while a cell ran (live updates seen: ${JSON.stringify(updates)})`);
  assert.equal(cells[best.cell].images.length, 1,
    `the live plot's cell should show one picture, updated in place; it shows ${cells[best.cell].images.length}`);

  await shot(page.locator('#notebook-container > .cell').nth(best.cell), `${PREFIX}-live-final.png`,
    `${TRAINING}: the live plot's last picture, after Run All`);
  const lastWithImage = cells.filter((c) => c.images.length > 0).at(-1);
  await shot(page.locator('#notebook-container > .cell').nth(lastWithImage.index), `${PREFIX}-last-figure.png`,
    `${TRAINING}: the notebook's last picture (for 07: Figure 3, walks through z-space)`);
  await fullShot(page, `${PREFIX}-full.png`, `the whole of ${TRAINING} after Run All`);
});

test('the toolbar stop button interrupts a long training cell within 2 s, and the next cell runs', async () => {
  assert.ok(trainingPage, 'the training notebook did not open');
  const page = trainingPage;
  await selectLastCell(page);
  // A long run: the notebook's own trainer, with a far larger budget, its dashboard still attached.
  const longIndex = await typeAndRunNewCell(page, LONG_TRAINING_CELL);
  const cell = page.locator('#notebook-container > .cell').nth(longIndex).and(page.locator('.running'));
  await cell.waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.querySelector('#kernel_indicator_icon.kernel_busy_icon') !== null);
  await page.waitForTimeout(3000); // let it train for a while
  assert.equal(await cell.count(), 1, 'the long training cell stopped by itself before the interrupt');

  // Time from the click on the stop button to the cell's end (its reply arrives), measured in the page.
  await page.evaluate((index) => {
    const button = document.querySelector('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
    const running = document.querySelectorAll('#notebook-container > .cell')[index];
    window.__interrupt = {};
    button.addEventListener('mousedown', () => { window.__interrupt.click = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, obs) => {
      if (!running.classList.contains('running')) { window.__interrupt.stopped = performance.now(); obs.disconnect(); }
    }).observe(running, { attributes: true, attributeFilter: ['class'] });
  }, longIndex);
  await page.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
  await page.waitForFunction(() => window.__interrupt.stopped !== undefined, null, { timeout: 30_000, polling: 50 });
  await waitKernelIdle(page, 30_000);
  const latency = await page.evaluate(() => (window.__interrupt.stopped - window.__interrupt.click) / 1000);
  report.timings.interruptS = latency;
  const interrupted = (await readCells(page))[longIndex];
  report.interruptedCellShows = interrupted.text;
  log(`interrupt: the cell stopped ${latency.toFixed(3)} s after the click; it shows: ${JSON.stringify(interrupted.text.slice(0, 200))}`);
  assert.ok(latency <= INTERRUPT_LIMIT_S, `the interrupt took ${latency.toFixed(2)} s (limit ${INTERRUPT_LIMIT_S} s)`);

  assert.match(interrupted.text, /interrupt/i, 'the interrupted cell should say that it was interrupted');

  const t1 = Date.now();
  const nextIndex = await typeAndRunNewCell(page, NEXT_CELL);
  await page.waitForFunction((index) => {
    const next = document.querySelectorAll('#notebook-container > .cell')[index];
    return !next.classList.contains('running') && next.querySelector('.output_wrapper .output') !== null
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, nextIndex, { timeout: 60_000, polling: 50 });
  report.timings.nextCellS = (Date.now() - t1) / 1000;
  log(`next cell answered in ${report.timings.nextCellS.toFixed(2)} s`);
  const next = (await readCells(page))[nextIndex];
  assert.deepEqual(next.errors, [], 'the cell after the interrupt shows an error');
  assert.deepEqual(next.stderr, [], 'the cell after the interrupt wrote to stderr');
  assert.ok(Number.isInteger(next.prompt), 'the cell after the interrupt did not run');
  assert.equal(next.images.length, 1, 'the cell after the interrupt should show one picture');
  assert.ok(next.images[0].std >= MIN_PIXEL_STD, 'the picture after the interrupt is blank');
  assert.ok(report.timings.nextCellS < 30, 'the next cell took too long');
  await page.locator('#notebook-container > .cell').nth(nextIndex).scrollIntoViewIfNeeded();
  await shot(page, `${PREFIX}-interrupted.png`, 'the interrupted long training cell (its result says interrupted), and the next cell drawing samples of the same model');
});

test('with the kernel running, every listening socket of the server and kernel is on loopback', async () => {
  const sockets = listeningSockets(server.proc.pid);
  const kernelSockets = sockets.filter((s) => s.pid !== server.proc.pid);
  log(`${sockets.length} listening sockets, ${kernelSockets.length} of them the kernel's`);
  assert.ok(kernelSockets.length >= 1, 'found no kernel sockets (is a kernel running?)');
  for (const s of sockets) assert.equal(s.ip, '127.0.0.1', `pid ${s.pid} (${s.command}) listens on ${s.ip}:${s.port}`);
});

test('the committed notebooks were not modified', async () => {
  await trainingPage?.close();
  for (const [f, h] of notebookHashes) assert.equal(sha(path.join(NB_DIR, f)), h, `${f} changed on disk during the test`);
});
