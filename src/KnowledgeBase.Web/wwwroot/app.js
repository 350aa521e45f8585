// Review page. Chat text is untrusted: it is only ever put on the page with textContent, never as HTML.
'use strict';

const params = new URLSearchParams(location.search);
if (params.get('token')) {
  sessionStorage.setItem('kb-token', params.get('token'));
}
const token = sessionStorage.getItem('kb-token');
let current = null;
let topics = [];

const $ = (id) => document.getElementById(id);

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

async function getJson(url) {
  const response = await fetch(url, { headers: headers(false), credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

async function post(action, payload) {
  const body = Object.assign({ actor: actor(), version: current.version }, payload);
  const response = await fetch(`/api/entries/${encodeURIComponent(current.id)}/${action}`, {
    method: 'POST', headers: headers(true), credentials: 'same-origin', body: JSON.stringify(body),
  });
  const result = await response.json();
  if (!response.ok) {
    show(result.error || response.statusText, false);
    if (response.status === 409) await openEntry(current.id, true);
    return;
  }
  show(`${action}: saved (version ${result.version})`, true);
  render(result);
  await loadList();
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

// The address keeps the filters and the open entry, so a reload or a shared link shows the same view.
function saveView() {
  const view = filterQuery();
  if (current) view.set('id', current.id);
  history.replaceState(null, '', `${location.pathname}${location.search}#${view}`);
}

function restoreView() {
  const view = new URLSearchParams(location.hash.slice(1));
  for (const [name, id] of filterFields) {
    if (view.get(name)) $(id).value = view.get(name);
  }
  $('f-changed').checked = view.get('changed') === '1';
  return view.get('id');
}

function topicLabel(id) {
  const topic = topics.find((t) => t.id === id);
  return topic ? topic.label : id;
}

async function loadList() {
  const entries = await getJson(`/api/entries?${filterQuery()}`);
  const body = $('entries').querySelector('tbody');
  body.replaceChildren();
  for (const entry of entries) {
    const row = el('tr');
    row.dataset.id = entry.id;
    row.appendChild(el('td', entry.confidence.toFixed(2)));
    const status = el('td', entry.status + (entry.changedSinceReview ? ' ⚠' : ''), `status ${entry.status}`);
    row.appendChild(status);
    row.appendChild(el('td', topicLabel(entry.topicId)));
    row.appendChild(el('td', entry.question));
    if (current && current.id === entry.id) row.classList.add('selected');
    row.addEventListener('click', () => openEntry(entry.id));
    body.appendChild(row);
  }
  $('count').textContent = `${entries.length} entries, highest confidence first`;
}

async function openEntry(id, keepMessage) {
  try {
    const entry = await getJson(`/api/entries/${encodeURIComponent(id)}`);
    if (!keepMessage) $('message').hidden = true;
    render(entry);
    saveView();
  } catch (error) {
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
  if (entry.changedSinceReview) flags.push('changed since review');
  if (!entry.inLatestBuild) flags.push('missing from the latest build');
  if (entry.edited) flags.push('edited');
  $('e-flags').textContent = flags.join(' · ');
  $('e-flags').className = 'flag';
  $('e-answer').textContent = entry.answer;
  $('e-experts').textContent = entry.experts.map((e) => [e.name, e.company, e.role].filter(Boolean).join(' / ')).join(', ');
  $('e-groups').textContent = entry.groups.join(', ');
  $('e-keywords').textContent = entry.keywords.join(', ');
  const move = $('move-topic');
  move.replaceChildren();
  fill(move, topics, (t) => t.label);
  move.value = entry.topicId;

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
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
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
    if (text) post('note', { text }).then(() => { $('note-text').value = ''; });
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
