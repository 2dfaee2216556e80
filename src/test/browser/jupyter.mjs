// What a person does in Jupyter Notebook 6, and what they see, for notebook.test.mjs: open a notebook, use
// the menus and keys, wait for the kernel, read the rendered outputs. Everything goes through the page's
// own user interface; page JavaScript is used only to read what is on screen (and to switch autosave off,
// so that the committed notebooks are never overwritten with outputs).

/** Waits until the kernel indicator in the menu bar shows an idle kernel. */
export async function waitKernelIdle(page, timeoutMs = 60_000) {
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: timeoutMs });
}

/** After page.goto(notebook): waits for the notebook and an idle kernel, and switches autosave off. */
export async function notebookReady(page, timeoutMs = 90_000) {
  await page.waitForFunction(() => window.Jupyter?.notebook?._fully_loaded === true, null, { timeout: timeoutMs });
  // The notebook must not write its outputs back into notebooks/ (the repository keeps them clean).
  await page.evaluate(() => window.Jupyter.notebook.set_autosave_interval(0));
  await waitKernelIdle(page, timeoutMs);
}

/** Cell -> Run All, with the mouse. */
export async function runAllFromMenu(page) {
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
}

/**
 * Waits until no cell is running (no "In [*]") and the kernel is idle, twice in a row 0.5 s apart (a kernel
 * goes idle for a moment between the cells of Run All). Resolves to the seconds waited.
 */
export async function waitAllDone(page, timeoutMs) {
  const t0 = Date.now();
  const settled = () => document.querySelectorAll('.cell.running').length === 0
    && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  for (;;) {
    const left = timeoutMs - (Date.now() - t0);
    if (left <= 0) throw new Error(`cells still running after ${timeoutMs / 1000} s`);
    await page.waitForFunction(settled, null, { timeout: left, polling: 100 });
    await page.waitForTimeout(500);
    if (await page.evaluate(settled)) return (Date.now() - t0) / 1000;
  }
}

/**
 * What the notebook shows, cell by cell: {index, type, source, prompt, running, errors[], stderr[], text,
 * images[{width, height, mean, std, colours}], tables[{rows, columns, headers[]}]}. Image statistics come
 * from the decoded pixels of each <img> drawn on a canvas: std is the standard deviation of the luminance
 * (0-255), colours the number of distinct colours (counted up to 1000).
 */
export async function readCells(page) {
  return page.evaluate(async () => {
    const stats = async (img) => {
      try { await img.decode(); } catch { /* not decodable: reported as 0 x 0 below */ }
      const w = img.naturalWidth, h = img.naturalHeight;
      if (!w || !h) return { width: w, height: h, mean: 0, std: 0, colours: 0 };
      const canvas = document.createElement('canvas');
      canvas.width = w; canvas.height = h;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, w, h).data;
      let s = 0, s2 = 0;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) {
        const l = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
        s += l; s2 += l * l;
        if (colours.size < 1000) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      }
      const n = d.length / 4, mean = s / n;
      return { width: w, height: h, mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)), colours: colours.size };
    };
    const cells = window.Jupyter.notebook.get_cells();
    const out = [];
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index];
      const el = cell.element[0];
      const area = el.querySelector('.output_wrapper .output');
      const texts = (sel) => (area ? [...area.querySelectorAll(sel)] : []).map((e) => e.innerText);
      const images = [];
      for (const img of area ? area.querySelectorAll('.output_subarea img') : []) images.push(await stats(img));
      const tables = (area ? [...area.querySelectorAll('.output_html table')] : []).map((t) => ({
        rows: t.querySelectorAll('tbody tr').length,
        columns: t.querySelector('tr') ? t.querySelector('tr').children.length : 0,
        headers: [...t.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
      }));
      out.push({
        index,
        type: cell.cell_type,
        source: cell.get_text(),
        prompt: cell.cell_type === 'code' ? cell.input_prompt_number ?? null : null,
        running: el.classList.contains('running'),
        errors: texts('.output_error'),
        stderr: texts('.output_stderr'),
        text: area ? area.innerText : '',
        images,
        tables,
      });
    }
    return out;
  });
}

/**
 * The lines of a cell's text outputs that the browser had to break because they are wider than the output
 * area (a person sees them cut, often inside a path): [{line, rows}], empty when every line fits.
 */
export async function wrappedLines(page, index) {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll('#notebook-container > .cell')[i];
    const broken = [];
    for (const pre of cell.querySelectorAll('.output_wrapper .output_text pre')) {
      // Each line alone in a hidden copy of the same box (same width and font), its height against one row's.
      const box = pre.cloneNode(false);
      box.style.visibility = 'hidden';
      pre.parentNode.appendChild(box);
      const height = (text) => { box.textContent = text; return box.getBoundingClientRect().height; };
      const row = height('x');
      for (const line of pre.textContent.replace(/\n$/, '').split('\n')) {
        const rows = Math.round(height(line || 'x') / row);
        if (rows > 1) broken.push({ line, rows });
      }
      box.remove();
    }
    return broken;
  }, index);
}

/** The code cell's element (for screenshots) whose source contains the given text; the first such cell. */
export async function cellLocator(page, sourcePart) {
  const index = await page.evaluate((part) => window.Jupyter.notebook.get_cells()
    .findIndex((c) => c.cell_type === 'code' && c.get_text().includes(part)), sourcePart);
  if (index < 0) throw new Error(`no cell contains ${JSON.stringify(sourcePart)}`);
  return page.locator('#notebook-container > .cell').nth(index);
}

/**
 * Starts recording, in the page, every picture that appears or changes in an output area: {t (ms, page clock),
 * cell (index of the cell showing it), key (length and hash of its src), running (index of the cell executing
 * at that moment, -1 if none)}. A live plot may sit in one cell and be updated while a later cell trains.
 * Under Run All every queued cell is marked running, and the first of them is the one executing.
 * Read the log with takeImageLog.
 */
export async function recordImageChanges(page) {
  await page.evaluate(() => {
    const log = [];
    window.__imageLog = log;
    const hash = (s) => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return `${s.length}:${h >>> 0}`; };
    const note = (img) => {
      const cells = [...document.querySelectorAll('#notebook-container > .cell')];
      const cell = img.closest('#notebook-container > .cell');
      if (!cell || !img.closest('.output_wrapper')) return;
      log.push({ t: performance.now(), cell: cells.indexOf(cell), key: hash(img.src || ''),
        running: cells.findIndex((c) => c.classList.contains('running')) });
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes' && m.target.tagName === 'IMG') note(m.target);
        for (const n of m.addedNodes) {
          if (n.nodeType !== 1) continue;
          if (n.tagName === 'IMG') note(n); else n.querySelectorAll('img').forEach(note);
        }
      }
    }).observe(document.querySelector('#notebook-container'), { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  });
}

/**
 * From an image log: for each (picture cell, executing cell) pair, how many times the picture changed (a new
 * key replacing another in the same cell) while that cell executed. Sorted, most changes first:
 * [{cell, running, changes, seconds}].
 */
export function liveUpdates(log) {
  const lastKey = new Map();
  const groups = new Map();
  for (const e of log) {
    const previous = lastKey.get(e.cell);
    lastKey.set(e.cell, e.key);
    if (previous === undefined || previous === e.key || e.running < 0) continue;
    const id = `${e.cell}/${e.running}`;
    if (!groups.has(id)) groups.set(id, { cell: e.cell, running: e.running, changes: 0, first: e.t, last: e.t });
    const g = groups.get(id);
    g.changes++;
    g.last = e.t;
  }
  return [...groups.values()]
    .map(({ cell, running, changes, first, last }) => ({ cell, running, changes, seconds: (last - first) / 1000 }))
    .sort((a, b) => b.changes - a.changes);
}

export async function takeImageLog(page) {
  return page.evaluate(() => window.__imageLog ?? []);
}

/**
 * Types the code into a fresh cell and runs it (Shift+Enter), as a person does: into the selected cell if it is
 * an empty code cell (Shift+Enter on the last cell leaves one), else into a new cell below it (Escape, B).
 * Resolves to the cell's index.
 */
export async function typeAndRunNewCell(page, code) {
  const reuse = await page.evaluate(() => {
    const cell = window.Jupyter.notebook.get_selected_cell();
    return cell.cell_type === 'code' && cell.get_text() === '';
  });
  await page.keyboard.press('Escape');
  if (!reuse) await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  await page.keyboard.type(code);
  const index = await page.evaluate(() => window.Jupyter.notebook.get_selected_index());
  await page.keyboard.press('Shift+Enter');
  return index;
}

/** Selects (command mode) the last cell of the notebook, with a click on its prompt and Escape. */
export async function selectLastCell(page) {
  const last = page.locator('#notebook-container > .cell').last();
  await last.scrollIntoViewIfNeeded();
  await last.locator('.prompt').first().click();
  await page.keyboard.press('Escape');
}

/** Scrolls the notebook to its top (Notebook 6 scrolls the #site element, not the window). */
export async function scrollToTop(page) {
  await page.evaluate(() => { document.querySelector('#site').scrollTop = 0; });
}

/**
 * A screenshot of the whole notebook: Notebook 6 keeps its header fixed and scrolls only #site, so a
 * "full page" screenshot would show one screen; instead the window is made as tall as the notebook for the
 * moment of the screenshot (at most maxHeight pixels).
 */
export async function fullNotebookScreenshot(page, file, maxHeight = 20_000) {
  const before = page.viewportSize();
  const height = await page.evaluate(() => {
    const site = document.querySelector('#site');
    return document.querySelector('#header').offsetHeight + site.scrollHeight;
  });
  await page.setViewportSize({ width: before.width, height: Math.min(maxHeight, Math.max(before.height, height)) });
  await page.waitForTimeout(300);
  await scrollToTop(page);
  await page.screenshot({ path: file });
  await page.setViewportSize(before);
}
