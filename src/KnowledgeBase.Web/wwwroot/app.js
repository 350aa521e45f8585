// Review page. Chat text is untrusted: it is only ever put on the page with textContent, never as HTML.
'use strict';

const params = new URLSearchParams(location.search);
if (params.get('token')) {
  sessionStorage.setItem('kb-token', params.get('token'));
}
const token = sessionStorage.getItem('kb-token');
let current = null;
let topics = [];
// The list shows a page of entries at a time, highest confidence first (#limit=N in the address sets how many).
let pageSize = 200;
let offset = 0;
let total = 0;
// An action is in flight: further clicks wait for its answer instead of sending the same version twice.
let busy = false;

const $ = (id) => document.getElementById(id);

// What 'changed since review' means, in the words of `kb review list --changed`: the ⚠ in the list, the legend under
// the count, the entry's flag and the filter all say this.
const changedHelp = 'changed since review: approved, then a later build changed the chat messages it cites '
  + '(or no longer produced it); review it again';

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function headers(json) {
  const h = {};
  if (json) h['Content-Type'] = 'application/json';
  if (token) h['X-KB-Token'] = token;
  return h;
}

// The body of a response as JSON; a refusal without one (a proxy's error page, say) still gives a message.
async function readJson(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { error: `${response.status} ${response.statusText || 'error'}` };
  }
}

async function getJson(url) {
  const response = await fetch(url, { headers: headers(false), credentials: 'same-origin' });
  const body = await readJson(response);
  if (!response.ok) {
    const error = new Error(body.error || `${response.status} ${response.statusText}`);
    error.movedTo = body.movedTo;
    throw error;
  }
  return body;
}

function setBusy(value) {
  busy = value;
  for (const button of document.querySelectorAll('#entry-pane button')) button.disabled = value;
}

// Sends an action on the open entry; true when it was saved. What the analyst typed stays where it is when the save is
// refused: on a conflict the entry is shown as it is now, with the edit form still open and holding their text.
async function post(action, payload) {
  if (busy) return false;
  setBusy(true);
  try {
    const body = Object.assign({ actor: actor(), version: current.version }, payload);
    let response;
    try {
      response = await fetch(`/api/entries/${encodeURIComponent(current.id)}/${action}`, {
        method: 'POST', headers: headers(true), credentials: 'same-origin', body: JSON.stringify(body),
      });
    } catch (error) {
      show(`${action}: the server did not answer (${error.message}); nothing was saved`, false);
      return false;
    }
    const result = await readJson(response);
    if (!response.ok) {
      show(result.error || `${response.status} ${response.statusText}`, false);
      if (response.status === 409) {
        const editing = !$('edit-form').hidden ? { question: $('edit-question').value, answer: $('edit-answer').value } : null;
        // A build may have moved the open entry and given its id to another question: open it where it went.
        await openEntry(result.movedTo || current.id, true, true);
        if (editing) {
          $('edit-question').value = editing.question;
          $('edit-answer').value = editing.answer;
          $('edit-form').hidden = false;
        }
      }
      return false;
    }
    show(`${action}: saved (version ${result.version})`, true);
    render(result);
    await loadList();
    return true;
  } finally {
    setBusy(false);
  }
}

function actor() {
  const name = $('actor').value.trim();
  localStorage.setItem('kb-actor', name);
  return name;
}

function show(text, ok) {
  const box = $('message');
  box.textContent = text;
  box.className = ok ? 'ok' : '';
  box.hidden = false;
}

function fill(select, values, label) {
  for (const value of values) {
    const option = el('option', label ? label(value) : value);
    option.value = typeof value === 'string' ? value : value.id;
    select.appendChild(option);
  }
}

const filterFields = [['topic', 'f-topic'], ['status', 'f-status'], ['group', 'f-group'], ['from', 'f-from'], ['to', 'f-to'], ['expert', 'f-expert'], ['q', 'f-q']];

function filterQuery() {
  const q = new URLSearchParams();
  for (const [name, id] of filterFields) {
    if ($(id).value) q.set(name, $(id).value);
  }
  if ($('f-changed').checked) q.set('changed', '1');
  return q;
}

function listQuery() {
  const q = filterQuery();
  q.set('limit', String(pageSize));
  if (offset > 0) q.set('offset', String(offset));
  return q;
}

// The address keeps the filters and the open entry, so a reload or a shared link shows the same view.
function saveView() {
  const view = filterQuery();
  if (offset > 0) view.set('offset', String(offset));
  if (pageSize !== 200) view.set('limit', String(pageSize));
  if (current) view.set('id', current.id);
  history.replaceState(null, '', `${location.pathname}${location.search}#${view}`);
}

function restoreView() {
  const view = new URLSearchParams(location.hash.slice(1));
  for (const [name, id] of filterFields) {
    if (view.get(name)) $(id).value = view.get(name);
  }
  $('f-changed').checked = view.get('changed') === '1';
  offset = Math.max(0, Number.parseInt(view.get('offset') || '0', 10) || 0);
  pageSize = Math.min(1000, Math.max(1, Number.parseInt(view.get('limit') || '200', 10) || 200));
  return view.get('id');
}

// A symbol alone says nothing to a screen reader or to someone new to the page: it carries its meaning as its name
// (read out) and its title (shown on hover).
function changedMarker() {
  const marker = el('span', '⚠', 'changed');
  marker.setAttribute('role', 'img');
  marker.setAttribute('aria-label', changedHelp);
  marker.title = changedHelp;
  return marker;
}

function topicLabel(id) {
  const topic = topics.find((t) => t.id === id);
  return topic ? topic.label : id;
}

async function loadList() {
  let page = await getJson(`/api/entries?${listQuery()}`);
  if (page.entries.length === 0 && page.total > 0 && offset > 0) {
    // The page asked for is past the end now (entries were approved away from a filter, say): show the last one.
    offset = Math.floor((page.total - 1) / pageSize) * pageSize;
    page = await getJson(`/api/entries?${listQuery()}`);
  }
  const entries = page.entries;
  total = page.total;
  const body = $('entries').querySelector('tbody');
  body.replaceChildren();
  let flagged = false;
  for (const entry of entries) {
    const row = el('tr');
    row.dataset.id = entry.id;
    row.appendChild(el('td', entry.confidence.toFixed(2)));
    const status = el('td', entry.status, `status ${entry.status}`);
    if (entry.changedSinceReview) {
      status.append(' ', changedMarker());
      flagged = true;
    }
    row.appendChild(status);
    row.appendChild(el('td', topicLabel(entry.topicId)));
    row.appendChild(el('td', entry.question));
    if (current && current.id === entry.id) row.classList.add('selected');
    row.addEventListener('click', () => openEntry(entry.id));
    // Rows are reachable with Tab and open with Enter or Space, as the click does.
    row.tabIndex = 0;
    row.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      openEntry(entry.id);
    });
    body.appendChild(row);
  }
  const number = (n) => n.toLocaleString('en');
  $('count').textContent = total === 0 ? 'no entries'
    : total === 1 ? '1 entry'
    : entries.length === total ? `${number(total)} entries, highest confidence first`
    : `${number(offset + 1)}–${number(offset + entries.length)} of ${number(total)} entries, highest confidence first`;
  $('legend').hidden = !flagged;
  $('p-prev').disabled = offset === 0;
  $('p-next').disabled = offset + entries.length >= total;
  $('pager').hidden = total <= entries.length && offset === 0;
}

async function turnPage(step) {
  offset = Math.max(0, offset + step * pageSize);
  saveView();
  try {
    await loadList();
    $('list-pane').scrollTop = 0;
  } catch (error) {
    show(error.message, false);
  }
}

async function openEntry(id, keepMessage, followed) {
  try {
    const entry = await getJson(`/api/entries/${encodeURIComponent(id)}`);
    if (!keepMessage) $('message').hidden = true;
    render(entry);
    saveView();
  } catch (error) {
    if (error.movedTo && !followed) {
      // A bookmark or an open page named an id a build moved: open the entry where it is now, and say so.
      await openEntry(error.movedTo, true, true);
      show(`${id} is now ${error.movedTo}: a build found its question on another line`, true);
      return;
    }
    show(error.message, false);
  }
}

function render(entry) {
  current = entry;
  $('entry-pane').hidden = false;
  $('edit-form').hidden = true;
  $('e-question').textContent = entry.question;
  $('e-id').textContent = entry.id;
  $('e-status').textContent = entry.status;
  $('e-status').className = `status ${entry.status}`;
  $('e-version').textContent = entry.version;
  $('e-confidence').textContent = entry.confidence.toFixed(2);
  const flags = [];
  if (entry.changedSinceReview) {
    const changed = el('span', '⚠ changed since review', 'changed');
    changed.title = changedHelp;
    flags.push(changed);
  }
  if (!entry.inLatestBuild) flags.push('missing from the latest build');
  if (entry.edited) flags.push('edited');
  if (entry.mergedInto) flags.push(`merged into ${entry.mergedInto}`);
  $('e-flags').replaceChildren(...flags.flatMap((flag, i) => (i === 0 ? [flag] : [' · ', flag])));
  $('e-flags').className = 'flag';
  // An entry nobody in the chat answered says so, as the exported pages do (群里暂无回答), rather than an empty box.
  const unanswered = !entry.answer.trim();
  $('e-answer').textContent = unanswered ? 'No answer in the chat yet (群里暂无回答)' : entry.answer;
  $('e-answer').classList.toggle('none', unanswered);
  // An empty list says 'none', so 'Experts: · Groups:' does not read as a list that failed to load.
  const list = (items) => (items.length > 0 ? items.join(', ') : 'none');
  $('e-experts').textContent = list(entry.experts.map((e) => [e.name, e.company, e.role].filter(Boolean).join(' / ')));
  $('e-groups').textContent = list(entry.groups);
  $('e-keywords').textContent = list(entry.keywords);
  const move = $('move-topic');
  move.replaceChildren();
  fill(move, topics, (t) => t.label);
  move.value = entry.topicId;
  // An entry of several exchanges can give one back as an entry of its own (which also undoes a merge).
  const split = $('split-exchange');
  split.replaceChildren();
  for (const exchangeId of entry.exchangeIds) {
    const question = entry.conversation.find((line) => line.exchangeId === exchangeId && line.role === 'question');
    const option = el('option', question ? `${exchangeId}: ${question.text.slice(0, 40)}` : exchangeId);
    option.value = exchangeId;
    split.appendChild(option);
  }
  $('split-row').hidden = entry.exchangeIds.length < 2 || Boolean(entry.mergedInto);

  const conversation = $('conversation');
  // The source view may sit inside the list, after the line it shows: take it out before the list is rebuilt.
  conversation.insertAdjacentElement('afterend', $('source'));
  conversation.replaceChildren();
  for (const line of entry.conversation) {
    const item = el('li', null, line.role === 'question' || line.role === 'answer' ? 'cited' : (line.role === 'context' ? 'context' : ''));
    item.appendChild(el('span', line.time.replace('T', ' '), 'time'));
    item.appendChild(el('span', ' '));
    item.appendChild(el('span', line.speaker, 'who'));
    if (line.role) item.appendChild(el('em', line.role));
    const link = el('a', `${line.path}:${line.line}`, 'src');
    link.href = `/api/source?path=${encodeURIComponent(line.path)}&line=${line.line}`;
    link.addEventListener('click', (event) => { event.preventDefault(); showSource(line.path, line.line, item); });
    item.appendChild(link);
    item.appendChild(el('span', line.text, 'text'));
    conversation.appendChild(item);
  }
  $('source').hidden = true;

  const notes = $('notes');
  notes.replaceChildren();
  for (const note of entry.notes) notes.appendChild(el('li', `${note.at} ${note.actor}: ${note.text}`));
  const audit = $('audit');
  audit.replaceChildren();
  for (const row of entry.audit) {
    const change = row.field ? ` ${row.field}: ${row.oldValue ?? ''} → ${row.newValue ?? ''}` : '';
    audit.appendChild(el('li', `${row.at} ${row.actor} ${row.action}${change} (v${row.version})`));
  }
  for (const tr of $('entries').querySelectorAll('tbody tr')) tr.classList.toggle('selected', tr.dataset.id === entry.id);
}

async function showSource(path, line, item) {
  const box = $('source');
  item.insertAdjacentElement('afterend', box);
  try {
    const source = await getJson(`/api/source?path=${encodeURIComponent(path)}&line=${line}`);
    box.textContent = source.lines.map((l) => `${l.n === line ? '>' : ' '}${String(l.n).padStart(6)}  ${l.text}`).join('\n');
  } catch (error) {
    box.textContent = `${path}:${line} (${error.message})`;
  }
  box.hidden = false;
}

function wire() {
  $('actor').value = localStorage.getItem('kb-actor') || '';
  $('legend-text').textContent = changedHelp;
  $('f-changed-label').title = changedHelp;
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    offset = 0;
    saveView();
    loadList().catch((e) => show(e.message, false));
  });
  $('a-approve').addEventListener('click', () => post('approve', {}));
  $('a-reject').addEventListener('click', () => post('reject', {}));
  $('a-reset').addEventListener('click', () => post('reset', {}));
  $('a-edit').addEventListener('click', () => {
    $('edit-question').value = current.question;
    $('edit-answer').value = current.answer;
    $('edit-form').hidden = false;
  });
  $('edit-cancel').addEventListener('click', () => { $('edit-form').hidden = true; });
  $('edit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    post('edit', { question: $('edit-question').value, answer: $('edit-answer').value });
  });
  $('a-move').addEventListener('click', () => post('edit', { topicId: $('move-topic').value }));
  $('a-split').addEventListener('click', () => post('split', { exchangeIds: [$('split-exchange').value] }));
  $('p-prev').addEventListener('click', () => turnPage(-1));
  $('p-next').addEventListener('click', () => turnPage(1));
  $('a-merge').addEventListener('click', async () => {
    const target = $('merge-target').value.trim();
    if (!target) return show('name the entry to merge into', false);
    try {
      const other = await getJson(`/api/entries/${encodeURIComponent(target)}`);
      await post('merge', { target, targetVersion: other.version });
    } catch (error) {
      show(error.message, false);
    }
  });
  $('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('note-text').value.trim();
    // The box is emptied only once the note is saved: a refused note stays to be sent again.
    if (text) post('note', { text }).then((saved) => { if (saved) $('note-text').value = ''; });
  });
}

async function start() {
  wire();
  try {
    const meta = await getJson('/api/meta');
    topics = meta.topics;
    fill($('f-topic'), topics, (t) => `${t.label} (${t.exchangeCount})`);
    fill($('f-status'), meta.statuses);
    fill($('f-group'), meta.groups);
    fill($('f-expert'), meta.experts);
    const id = restoreView();
    await loadList();
    if (id) await openEntry(id);
  } catch (error) {
    show(error.message, false);
  }
}

start();
