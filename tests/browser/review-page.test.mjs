// End-to-end test of the review page: real `kb serve` on loopback over a small fixture store, driven in Debian's
// headless Chromium through playwright-core. Filters, opens an entry, approves it, edits its answer, reloads and checks
// both persisted; hostile chat text must show as text and never run. Leaves a screenshot in screenshots/.
//
// KB_DLL names the built kb.dll (.ci/run sets it); CHROMIUM overrides /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const kbDll = process.env.KB_DLL;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const fixture = path.join(here, 'fixture', 'faq.json');
const screenshots = path.join(here, 'screenshots');

let work;
let db;
let server;
let baseUrl;
let context;
let page;
const dialogs = [];
const pageErrors = [];

function kb(...args) {
  return execFileSync('dotnet', [kbDll, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function startServer(db, ...extra) {
  return new Promise((resolve, reject) => {
    const child = spawn('dotnet', [kbDll, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`kb serve did not report its address in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`kb serve exited with ${code}:\n${output}`)); });
  });
}

function rawRequest(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

before(async () => {
  assert.ok(kbDll && existsSync(kbDll), `set KB_DLL to the built KnowledgeBase.Cli.dll (got ${kbDll})`);
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath}: apt-get install chromium`);
  work = mkdtempSync(path.join(tmpdir(), 'kb-browser-'));
  db = path.join(work, 'kb.db');
  const imported = kb('review', 'import', fixture, '--db', db);
  assert.match(imported, /4 new/);
  const started = await startServer(db, '--input', path.join(here, 'fixture', 'corpus'));
  server = started.child;
  baseUrl = started.url;

  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

after(async () => {
  await context?.close();
  await stop(server, 'SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

async function stop(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

const rows = () => page.locator('#entries tbody tr');

// What an analyst on a phone would trip over: the page wider than the screen (with the elements that stick out), and
// text whose contrast with its background is under WCAG AA's 4.5:1 (disabled controls are exempt).
function layoutProblems() {
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) problems.push(`page ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  for (const el of document.querySelectorAll('body *')) {
    if (!el.getClientRects().length) continue;
    const box = el.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''}`;
    if (box.right > width + 1) problems.push(`${name} reaches ${Math.round(box.right)} px`);
    if (el.disabled || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problems.push(`${name} contrast ${ratio.toFixed(2)}:1`);
  }
  return problems;
}

test('lists every entry, highest confidence first', async () => {
  await page.goto(`${baseUrl}/`);
  await page.locator('#entries tbody tr').first().waitFor();
  assert.equal(await rows().count(), 4);
  assert.deepEqual(await page.locator('#entries tbody tr td:nth-child(1)').allTextContents(), ['0.90', '0.80', '0.70', '0.50']);
});

test('the list works from the keyboard: Tab reaches the entries, Enter or Space opens one', async () => {
  await page.goto(`${baseUrl}/`);
  await rows().first().waitFor();
  // Tab from the last filter control lands on the first row (the pager is hidden with four entries).
  await page.focus('#f-apply');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), await rows().first().getAttribute('data-id'));
  // The focused row is marked, not left to the browser's default ring.
  assert.equal(await rows().first().evaluate((row) => getComputedStyle(row).outlineStyle), 'solid');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('#e-id')?.textContent === id, await rows().first().getAttribute('data-id'));
  await rows().nth(1).focus();
  await page.keyboard.press(' ');
  await page.waitForFunction((id) => document.querySelector('#e-id')?.textContent === id, await rows().nth(1).getAttribute('data-id'));
});

test('pages through the entries and says how many there are in all', async () => {
  // A change of the address's fragment alone does not load the page again: leave it first.
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#limit=3`);
  await page.waitForFunction(() => document.querySelectorAll('#entries tbody tr').length === 3);
  assert.equal(await page.textContent('#count'), '1–3 of 4 entries, highest confidence first');
  assert.equal(await page.isDisabled('#p-prev'), true);
  await page.click('#p-next');
  await page.waitForFunction(() => document.querySelectorAll('#entries tbody tr').length === 1);
  assert.equal(await page.textContent('#count'), '4–4 of 4 entries, highest confidence first');
  assert.deepEqual(await page.locator('#entries tbody tr td:nth-child(1)').allTextContents(), ['0.50']);
  assert.equal(await page.isDisabled('#p-next'), true);
  assert.match(page.url(), /offset=3/);

  const api = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries?limit=2&offset=1`, {})).text);
  assert.deepEqual([api.total, api.offset, api.entries.map((e) => e.confidence)], [4, 1, [0.8, 0.7]]);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => document.querySelectorAll('#entries tbody tr').length === 4);
  assert.equal(await page.textContent('#count'), '4 entries, highest confidence first');
  assert.equal(await page.isHidden('#pager'), true);
});

test('filters by topic, status and free text', async () => {
  await page.selectOption('#f-topic', 't-license');
  await page.click('#f-apply');
  await page.waitForFunction(() => document.querySelectorAll('#entries tbody tr').length === 2);
  await page.fill('#f-q', '鉴权');
  await page.click('#f-apply');
  await page.waitForFunction(() => document.querySelectorAll('#entries tbody tr').length === 1);
  assert.equal(await rows().first().getAttribute('data-id'), 'e-card');
  assert.equal(await page.textContent('#count'), '1 entry');

  await page.selectOption('#f-topic', 't-settle');
  await page.fill('#f-q', '轧差');
  await page.selectOption('#f-status', 'candidate');
  await page.click('#f-apply');
  await page.waitForFunction(() => document.querySelector('#entries tbody tr')?.dataset.id === 'e-settle'
    && document.querySelectorAll('#entries tbody tr').length === 1);
});

test('opens an entry with its conversation, hostile text shown as text and never run', async () => {
  await rows().first().click();
  await page.locator('#entry-pane').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#e-id'), 'e-settle');
  assert.match(await page.textContent('#e-answer'), /<script>window\.pwned=1<\/script><img src=x onerror=/);
  const cited = page.locator('#conversation li.cited');
  assert.equal(await cited.count(), 2);
  assert.match(await cited.first().textContent(), /proddev\/2018-03-05-chat\.markdown:49/);
  assert.match(await page.locator('#conversation li.context').first().textContent(), /<img src=x onerror=/);
  await cited.first().locator('a.src').click();
  await page.waitForFunction(() => !document.querySelector('#source').hidden && document.querySelector('#source').textContent.includes('49'));
  const source = await page.textContent('#source');
  assert.match(source, />\s+49 {2}> 10:00:00 {2}张三-某支付-产品-上海/);
  assert.match(source, /<img src=x onerror="window.pwned=3">/);
  assert.equal(await page.locator('#entry-pane img, #entry-pane script, #entries img, #entries script').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(dialogs, []);
});

test('approves and edits the answer, and both survive a reload', async () => {
  await page.fill('#actor', 'alice');
  await page.click('#a-approve');
  await page.waitForFunction(() => document.querySelector('#e-status').textContent === 'approved');
  assert.equal(await page.textContent('#e-version'), '2');

  await page.click('#a-edit');
  await page.fill('#edit-answer', '按清算行对账单日终轧差，再出款（已审核）');
  await page.click('#edit-save');
  await page.waitForFunction(() => document.querySelector('#e-answer').textContent === '按清算行对账单日终轧差，再出款（已审核）');

  await page.reload();
  await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-settle' && !document.querySelector('#entry-pane').hidden);
  // The filters came back with the page: still one settlement entry about 轧差, now approved (filter says candidate).
  assert.equal(await page.inputValue('#f-q'), '轧差');
  assert.equal(await page.inputValue('#f-topic'), 't-settle');
  assert.equal(await page.textContent('#e-status'), 'approved');
  assert.equal(await page.textContent('#e-answer'), '按清算行对账单日终轧差，再出款（已审核）');
  assert.equal(await page.textContent('#e-version'), '3');
  const history = await page.locator('#audit li').allTextContents();
  assert.ok(history.some((line) => /alice approve status: candidate → approved/.test(line)), history.join('\n'));
  assert.ok(history.some((line) => /alice edit answer/.test(line)), history.join('\n'));

  await page.selectOption('#f-status', '');
  await page.click('#f-apply');
  await page.waitForFunction(() => document.querySelector('#entries tbody tr')?.dataset.id === 'e-settle');
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, 'review-page.png'), fullPage: true });
  // The entry now carries its 'edited' flag beside the confidence.
  assert.equal(await page.textContent('#e-flags'), 'edited');
  assert.deepEqual(await page.evaluate(layoutProblems), []);
  assert.deepEqual(pageErrors, []);
});

test('a save from a stale version is refused with a conflict message', async () => {
  const response = await page.evaluate(async () => {
    const r = await fetch('/api/entries/e-settle/reject', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ actor: 'bob', version: 1 }),
    });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(response.status, 409);
  assert.match(response.body.error, /changed by alice/);
});

test('a refused save keeps what the analyst typed: the edit form after a conflict, the note box after any refusal', async () => {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#id=e-refund`);
  await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-refund');
  await page.fill('#actor', 'alice');
  await page.click('#a-edit');
  await page.fill('#edit-answer', 'alice 的新答案');
  // Meanwhile bob changes the entry.
  const seen = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/e-refund`, {})).text);
  const bob = await rawRequest('POST', `${baseUrl}/api/entries/e-refund/note`, { 'Content-Type': 'application/json' },
    JSON.stringify({ actor: 'bob', version: seen.version, text: 'bob was here' }));
  assert.equal(bob.status, 200);
  await page.click('#edit-save');
  await page.waitForFunction(() => /changed by bob/.test(document.querySelector('#message').textContent));
  assert.equal(await page.isVisible('#edit-form'), true);
  assert.equal(await page.inputValue('#edit-answer'), 'alice 的新答案');
  assert.equal(await page.textContent('#e-version'), String(seen.version + 1));
  // Saved again from the version now shown, it goes through.
  await page.click('#edit-save');
  await page.waitForFunction(() => document.querySelector('#e-answer').textContent === 'alice 的新答案');

  await page.fill('#actor', '');
  await page.fill('#note-text', '要记住的话');
  await page.click('#note-form button');
  await page.waitForFunction(() => /reviewer name/.test(document.querySelector('#message').textContent));
  assert.equal(await page.inputValue('#note-text'), '要记住的话');
  await page.fill('#actor', 'alice');
  await page.click('#note-form button');
  await page.waitForFunction(() => document.querySelector('#notes').textContent.includes('要记住的话'));
  // The box is emptied once the save is through, after the list has been reloaded: wait for it, not for the note alone.
  await page.waitForFunction(() => document.querySelector('#note-text').value === '');
});

test('a double click sends one action', async () => {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#id=e-refund`);
  await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-refund');
  await page.fill('#actor', 'alice');
  const version = Number(await page.textContent('#e-version'));
  await page.dblclick('#a-reject');
  await page.waitForFunction(() => document.querySelector('#e-status').textContent === 'rejected');
  await page.waitForFunction(() => !document.querySelector('#a-reject').disabled);
  assert.equal(await page.textContent('#e-version'), String(version + 1));
  assert.doesNotMatch(await page.textContent('#message'), /changed by/);
  await page.click('#a-reset');
  await page.waitForFunction(() => document.querySelector('#e-status').textContent === 'candidate');
});

test('state changes need POST, JSON and the same origin; a foreign Host and paths outside the input are refused', async () => {
  const url = `${baseUrl}/api/entries/e-card/approve`;
  const body = JSON.stringify({ actor: 'mallory', version: 1 });
  assert.equal((await rawRequest('POST', url, { 'Content-Type': 'application/json', Origin: 'http://evil.example' }, body)).status, 403);
  assert.equal((await rawRequest('POST', url, { 'Content-Type': 'text/plain' }, body)).status, 415);
  assert.equal((await rawRequest('GET', `${baseUrl}/api/meta`, { Host: 'evil.example' })).status, 400);
  assert.equal((await rawRequest('DELETE', url, {})).status, 405);
  assert.equal((await rawRequest('GET', `${baseUrl}/api/source?path=${encodeURIComponent('../../review-page.test.mjs')}&line=1`, {})).status, 404);
  const entry = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/e-card`, {})).text);
  assert.equal(entry.status, 'candidate');
});

test('a body or query the API cannot read is refused with 400 and an error naming the problem', async () => {
  const json = { 'Content-Type': 'application/json' };
  const refused = async (method, url, headers, body) => {
    const response = await rawRequest(method, url, headers, body);
    assert.equal(response.status, 400, `${method} ${url} ${body ?? ''}: ${response.text}`);
    return JSON.parse(response.text).error;
  };
  const note = `${baseUrl}/api/entries/e-card/note`;
  assert.match(await refused('POST', note, json, '{"actor":"mallory","version":1'), /^the body is not valid JSON: /);
  assert.match(await refused('POST', note, json, 'x'), /^the body is not valid JSON: 'x' is an invalid start of a value/);
  assert.equal(await refused('POST', note, json, '{"actor":"mallory","version":"x","text":"hi"}'), 'version must be a whole number');
  assert.equal(await refused('POST', `${baseUrl}/api/entries/e-card/split`, json, '{"actor":"mallory","version":1,"exchangeIds":"x-card"}'),
    'exchangeIds must be a list of exchange ids');
  assert.equal(await refused('POST', note, json, '[]'), 'the body must be a JSON object');
  assert.equal(await refused('POST', note, json, ''), 'send a JSON object with the version of the entry you saw');
  assert.equal(await refused('GET', `${baseUrl}/api/source?path=proddev/2018-03-05-chat.markdown&line=-5`, {}), 'line -5 does not exist: lines start at 1');
  assert.equal(await refused('GET', `${baseUrl}/api/source?path=proddev/2018-03-05-chat.markdown&line=0`, {}), 'line 0 does not exist: lines start at 1');
  assert.equal(await refused('GET', `${baseUrl}/api/entries?status=bogus`, {}), "unknown status 'bogus': use candidate, approved or rejected");
  assert.equal(await refused('GET', `${baseUrl}/api/entries?limit=100000`, {}), 'limit must be a whole number from 1 to 1000');
  assert.equal(await refused('GET', `${baseUrl}/api/entries?offset=x`, {}), 'offset must be a whole number, at least 0');
  const entry = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/e-card`, {})).text);
  assert.equal(entry.notes.length, 0);
});

test('every refusal says why, and a body in a quoted or unknown charset is read or refused, never a server error', async () => {
  const note = `${baseUrl}/api/entries/e-card/note`;
  const body = JSON.stringify({ actor: 'mallory', version: 1, text: '' });
  const answer = async (method, url, headers, sent) => {
    const response = await rawRequest(method, url, headers, sent);
    return [response.status, JSON.parse(response.text).error];
  };
  assert.deepEqual(await answer('POST', note, { 'Content-Type': 'application/json; charset="utf-8"' }, body), [400, 'the note is empty']);
  assert.deepEqual(await answer('POST', note, { 'Content-Type': 'application/json; charset=utf-7' }, body), [415, 'send application/json in UTF-8 (UTF-7 is not read)']);
  assert.deepEqual(await answer('POST', note, { 'Content-Type': 'application/json; charset=klingon' }, body),
    [415, "send application/json in UTF-8 (charset 'klingon' is unknown)"]);
  assert.deepEqual(await answer('GET', `${baseUrl}/api/source?path=%00&line=3`, {}), [404, 'no source file \u0000 under the input folder']);
  assert.deepEqual(await answer('GET', `${baseUrl}/api/entries/e-card/approve`, {}), [405, 'this address does not take GET']);
  assert.deepEqual(await answer('GET', `${baseUrl}/api/nothing-here`, {}), [404, 'no such address']);
  assert.deepEqual(await answer('POST', `${baseUrl}/api/entries/e-card/approve`, { 'Content-Type': 'application/json' },
    JSON.stringify({ actor: 'x\ty', version: 1 })), [400, 'the reviewer name has a control character (U+0009) at character 2; nothing was saved']);
});

test('an acknowledged save survives the server being killed', async () => {
  const before = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/e-refund`, {})).text);
  const saved = await rawRequest('POST', `${baseUrl}/api/entries/e-refund/approve`, { 'Content-Type': 'application/json' },
    JSON.stringify({ actor: 'alice', version: before.version }));
  assert.equal(saved.status, 200);
  await stop(server, 'SIGKILL');

  const restarted = await startServer(db);
  server = restarted.child;
  baseUrl = restarted.url;
  const after = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/e-refund`, {})).text);
  assert.equal(after.status, 'approved');
  assert.equal(after.version, before.version + 1);
});

test('with --token every request must carry it; another address without a token is refused', async () => {
  const token = 'a-long-enough-test-token';
  const guarded = await startServer(db, '--token', token);
  try {
    assert.equal((await rawRequest('GET', `${guarded.url}/`, {})).status, 401);
    assert.equal((await rawRequest('GET', `${guarded.url}/api/meta`, { 'X-KB-Token': 'wrong-token-wrong-token' })).status, 401);
    assert.equal((await rawRequest('GET', `${guarded.url}/api/meta`, { 'X-KB-Token': token })).status, 200);
    assert.equal((await rawRequest('GET', `${guarded.url}/?token=${token}`, {})).status, 200);
  } finally {
    await stop(guarded.child, 'SIGTERM');
  }

  assert.throws(() => kb('serve', '--db', db, '--host', '0.0.0.0', '--port', '0'), /--token/);
});

test('moves an entry to another topic and merges one entry into another from the page', async () => {
  await page.goto(`${baseUrl}/#id=e-card`);
  await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-card');
  await page.fill('#actor', 'carol');
  await page.selectOption('#move-topic', 't-settle');
  await page.click('#a-move');
  await page.waitForFunction(() => document.querySelector('#e-version').textContent === '2');
  assert.equal(await page.inputValue('#move-topic'), 't-settle');

  await page.fill('#merge-target', 'e-license');
  await page.click('#a-merge');
  await page.waitForFunction(() => document.querySelector('#e-id').textContent === 'e-license');
  const lines = await page.locator('#conversation li.cited .src').allTextContents();
  assert.ok(lines.includes('devarch/2018-04-26-chat.markdown:40'), lines.join(' '));
  await page.waitForFunction(() => ![...document.querySelectorAll('#entries tbody tr')].some((r) => r.dataset.id === 'e-card'));
});

test('on a phone the list shows its Question column and nothing sticks out of the screen', async () => {
  // e-license now holds two exchanges, so its split-off list is on the page too.
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/#id=e-license`);
    await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-license' && !document.querySelector('#split-row').hidden);
    const question = await page.locator('#entries tbody tr td:nth-child(4)').first().boundingBox();
    const pane = await page.locator('#list-pane').boundingBox();
    assert.ok(question.x + question.width <= pane.x + pane.width + 1, `the Question column ends at ${question.x + question.width} px, past the list's ${pane.x + pane.width} px`);
    assert.deepEqual(await page.evaluate(layoutProblems), []);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'review-page-phone.png'), fullPage: true });
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});

test('an exchange split off, merged back and split off again goes to a new entry', async () => {
  const json = { 'Content-Type': 'application/json' };
  const post = async (id, action, fields) => {
    const current = JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/${id}`, {})).text);
    const response = await rawRequest('POST', `${baseUrl}/api/entries/${id}/${action}`, json, JSON.stringify({ actor: 'dave', version: current.version, ...fields }));
    assert.equal(response.status, 200, `${action} ${id}: ${response.status} ${response.text}`);
    return JSON.parse(response.text);
  };
  const first = await post('e-license', 'split', { exchangeIds: ['x-card'] });
  await post(first.id, 'merge', { target: 'e-license', targetVersion: JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/e-license`, {})).text).version });
  const again = await post('e-license', 'split', { exchangeIds: ['x-card'] });
  assert.equal(again.id, `${first.id}-2`);
  assert.deepEqual(again.exchangeIds, ['x-card']);
  assert.equal(JSON.parse((await rawRequest('GET', `${baseUrl}/api/entries/${first.id}`, {})).text).mergedInto, 'e-license');
});

test('an entry nobody answered says so instead of showing an empty answer, and its experts say none', async () => {
  const faq = JSON.parse(readFileSync(fixture, 'utf8'));
  const card = faq.entries.find((e) => e.id === 'e-card');
  // As the build writes such an entry: no answer, so no experts either.
  card.answer = '';
  card.experts = [];
  const folder = path.join(work, 'unanswered');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'faq.json'), JSON.stringify(faq));
  const store = path.join(folder, 'kb.db');
  assert.match(kb('review', 'import', path.join(folder, 'faq.json'), '--db', store), /4 new/);
  const other = await startServer(store);
  try {
    await page.goto(`${other.url}/#id=e-card`);
    await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-card');
    assert.equal(await page.textContent('#e-answer'), 'No answer in the chat yet (群里暂无回答)');
    assert.equal(await page.getAttribute('#e-answer', 'class'), 'answer none');
    assert.equal(await page.textContent('#e-experts'), 'none');
    // The edit form starts from the entry's answer, not from the notice.
    await page.click('#a-edit');
    assert.equal(await page.inputValue('#edit-answer'), '');
    await page.goto('about:blank');
    await page.goto(`${other.url}/#id=e-refund`);
    await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-refund');
    assert.equal(await page.getAttribute('#e-answer', 'class'), 'answer');
    assert.deepEqual(await page.evaluate(layoutProblems), []);
  } finally {
    await stop(other.child, 'SIGTERM');
  }
});

test('an entry changed since review says what its ⚠ means: labelled in the list, and in the same words in the entry', async () => {
  const folder = path.join(work, 'changed');
  mkdirSync(folder);
  const store = path.join(folder, 'kb.db');
  assert.match(kb('review', 'import', fixture, '--db', store), /4 new/);
  kb('review', 'approve', 'e-license', '--db', store, '--as', 'alice');
  // A build of the fixture's corpus makes other entries than the fixture's: the approved one it no longer produces is
  // flagged changed since review, as a build flags one whose cited messages changed.
  kb('build', path.join(here, 'fixture', 'corpus'), '--db', store, '--out', path.join(folder, 'out'), '--no-cache');
  assert.match(kb('review', 'list', '--changed', '--db', store), /^e-license\tapproved\t.*changed-since-review/);
  const other = await startServer(store);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('about:blank');
    await page.goto(`${other.url}/#changed=1`);
    await page.waitForFunction(() => document.querySelector('#entries tbody tr')?.dataset.id === 'e-license');
    // The ⚠ is an image with a name a screen reader reads, and the same words show on hover.
    const marker = page.locator('#entries tbody tr td.status').getByRole('img', { name: /^changed since review: / });
    assert.equal(await marker.count(), 1);
    assert.equal(await marker.textContent(), '⚠');
    const help = await marker.getAttribute('aria-label');
    assert.match(help, /cites/);
    assert.match(help, /no longer produced/);
    assert.equal(await marker.getAttribute('title'), help);
    // Below the count, for whoever does not hover: what ⚠ means, shown only while the list has one.
    assert.equal(await page.isVisible('#legend'), true);
    assert.equal(await page.textContent('#legend'), `⚠ ${help}`);
    assert.equal(await page.getAttribute('#f-changed-label', 'title'), help);
    await page.click('#entries tbody tr');
    await page.waitForFunction(() => document.querySelector('#e-id')?.textContent === 'e-license');
    assert.equal(await page.textContent('#e-flags'), '⚠ changed since review · missing from the latest build');
    assert.equal(await page.getAttribute('#e-flags .changed', 'title'), help);
    assert.deepEqual(await page.evaluate(layoutProblems), []);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'changed-since-review.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    assert.deepEqual(await page.evaluate(layoutProblems), []);
    await page.screenshot({ path: path.join(screenshots, 'changed-since-review-phone.png'), fullPage: true });

    // An unflagged list shows no ⚠ and no legend.
    await page.goto('about:blank');
    await page.goto(`${other.url}/#status=candidate`);
    await page.waitForFunction(() => document.querySelectorAll('#entries tbody tr').length > 0);
    assert.equal(await page.locator('#entries [role=img]').count(), 0);
    assert.equal(await page.isHidden('#legend'), true);
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await stop(other.child, 'SIGTERM');
  }
});

test('the exported HTML site fits a phone screen and its text is readable, an unanswered entry included', async () => {
  // The fixture, with what the corpus has and the fixture lacks: a long address and a long Latin string in an answer,
  // and an entry nobody answered.
  const faq = JSON.parse(readFileSync(fixture, 'utf8'));
  const long = faq.entries.find((e) => e.id === 'e-refund');
  long.answer += `\n王五：见https://tfs.alipayobjects.com/images/partner/${'T1qLBDXmVdXXXXXXXX'.repeat(4)} 和 Code_USER_ACCOUNT_ABNORMAL_Message_${'x'.repeat(60)}`;
  faq.entries.find((e) => e.id === 'e-card').answer = '';
  // A folder of its own: a kb.db beside the faq.json would give the export the store's answers instead.
  mkdirSync(path.join(work, 'site-input'));
  const json = path.join(work, 'site-input', 'faq.json');
  writeFileSync(json, JSON.stringify(faq));
  const site = path.join(work, 'site');
  kb('export', '--format', 'html', '--in', json, '--out', site);

  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const pages = readdirSync(site).filter((name) => name.endsWith('.html')).sort();
    assert.ok(pages.length >= 7, pages.join(' '));
    const problems = [];
    for (const name of pages) {
      await page.goto(`file://${path.join(site, name)}`);
      problems.push(...(await page.evaluate(layoutProblems)).map((problem) => `${name}: ${problem}`));
    }
    // The search box's results, each with its topic beside it.
    await page.goto(`file://${path.join(site, 'index.html')}`);
    await page.fill('#search', '垫资');
    await page.locator('#results small').first().waitFor();
    problems.push(...(await page.evaluate(layoutProblems)).map((problem) => `index.html, searching: ${problem}`));
    assert.deepEqual(problems, []);
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});

test('the exported site\'s search lists the best match first: question, then keywords, then answer, all terms before some', async () => {
  // Four entries about 备付金 and 账户, written so that the site's own order (topics, then the faq.json's order) is the
  // reverse of how well they match.
  const faq = JSON.parse(readFileSync(fixture, 'utf8'));
  const set = (id, question, answer, keywords) => Object.assign(faq.entries.find((e) => e.id === id), { question, answer, keywords });
  set('e-settle', '结算款什么时候到？', '李四：备付金每天日终划转。', ['结算']);
  set('e-refund', '退款垫资怎么处理？', '李四：用备付金垫资，次日从结算账户扣回。', ['垫资']);
  set('e-license', '开立账户要多久？', '周八：一般半年。', ['备付金']);
  set('e-card', '备付金账户怎么开立？', '周八：找存管行开立。', ['开立']);
  mkdirSync(path.join(work, 'rank-input'));
  const json = path.join(work, 'rank-input', 'faq.json');
  writeFileSync(json, JSON.stringify(faq));
  const site = path.join(work, 'rank-site');
  kb('export', '--format', 'html', '--in', json, '--out', site);
  const order = JSON.parse(readFileSync(path.join(site, 'search-index.json'), 'utf8')).map((item) => item.url);
  assert.deepEqual(order, ['entry-e-settle.html', 'entry-e-refund.html', 'entry-e-license.html', 'entry-e-card.html']);

  const found = async (query) => {
    await page.goto('about:blank');
    await page.goto(`file://${path.join(site, 'index.html')}?q=${encodeURIComponent(query)}`);
    await page.locator('#results li').first().waitFor();
    return page.locator('#results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  };
  // Both terms in the question, as typed but for the space; both, in the question and the keywords; both, in the
  // answer; one of them.
  assert.deepEqual(await found('备付金 账户'), ['entry-e-card.html', 'entry-e-license.html', 'entry-e-refund.html', 'entry-e-settle.html']);
  // Chinese typed without a space: the entry holding it whole first, then those holding its pieces, the most first.
  assert.deepEqual(await found('备付金账户'), ['entry-e-card.html', 'entry-e-license.html', 'entry-e-refund.html', 'entry-e-settle.html']);
  // A term in every entry's answer or none: ties keep the site's order; a query nothing holds says so.
  assert.deepEqual(await found('：'), order);
  assert.deepEqual(await found('开立 鉴权'), ['entry-e-card.html', 'entry-e-license.html']);
  assert.deepEqual(await found('跨境'), []);
  assert.equal(await page.textContent('#results'), '没有找到匹配的问题');

  mkdirSync(screenshots, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    try {
      await found('备付金 账户');
      assert.deepEqual(await page.evaluate(layoutProblems), []);
      await page.screenshot({ path: path.join(screenshots, `site-search-${width}.png`), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  }
});
