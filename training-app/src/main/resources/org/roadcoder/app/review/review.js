'use strict';
// The review page: plain JavaScript, no build step. Every decision is POSTed and saved by the server
// (atomically) before the page counts it as saved.
const page = { data: null, byId: {}, order: [], current: null, attr: 0, undo: [], saves: 0 };

function hue(c) { return Math.round(Math.max(0, Math.min(1, (c - 0.5) / 0.5)) * 120); }
function done(s) { return Object.values(s.attributes).every(a => a.coded_by !== 'model'); }

async function load() {
  const r = await fetch('/api/state');
  page.data = await r.json();
  page.byId = {};
  page.data.segments.forEach(s => { page.byId[s.id] = s; });
  page.order = page.data.segments.map(s => s.id);
  const wanted = location.hash.slice(1);
  show(page.byId[wanted] ? wanted : (nextUncertain(null) || page.data.queue[0]));
  document.body.dataset.ready = '1';
}

function nextUncertain(except) {
  return page.data.queue.find(id => id !== except && !done(page.byId[id])) || null;
}

function drawRoads() {
  const roads = document.getElementById('roads');
  roads.innerHTML = '';
  const byRoad = new Map();
  page.data.segments.forEach(s => { if (!byRoad.has(s.road)) byRoad.set(s.road, []); byRoad.get(s.road).push(s); });
  byRoad.forEach((segs, road) => {
    const row = document.createElement('div');
    row.className = 'road';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = road;
    row.appendChild(name);
    segs.sort((a, b) => Number(a.start_m) - Number(b.start_m)).forEach(s => {
      const d = document.createElement('div');
      d.className = 'seg' + (s.id === page.current ? ' current' : '') + (done(s) ? ' done' : '');
      d.dataset.id = s.id;
      d.style.background = 'hsl(' + hue(s.least) + ',70%,42%)';
      d.title = s.id + ' ' + s.start_m + '-' + s.end_m + ' m, least confidence ' + s.least.toFixed(2);
      d.textContent = done(s) ? '\u2713' : '';
      d.onclick = () => show(s.id);
      row.appendChild(d);
    });
    roads.appendChild(row);
  });
  const reviewed = page.data.segments.filter(done).length;
  document.getElementById('progress').textContent = reviewed + ' of ' + page.data.segments.length + ' segments reviewed';
}

function show(id) {
  page.current = id;
  history.replaceState(null, '', '#' + id);
  const s = page.byId[id];
  const sec = document.getElementById('segment');
  sec.dataset.id = id;
  document.getElementById('title').textContent = s.id + ' \u2014 road ' + s.road + ', ' + s.start_m + '\u2013' + s.end_m
      + ' m, least confidence ' + s.least.toFixed(2);
  const frames = document.getElementById('frames');
  frames.innerHTML = '';
  s.frames.forEach((url, i) => {
    const f = document.createElement('figure');
    const img = document.createElement('img');
    img.src = url;
    img.alt = 'frame ' + (i + 1);
    const cap = document.createElement('figcaption');
    cap.textContent = 'frame ' + (i + 1) + ' of ' + s.frames.length;
    f.appendChild(img);
    f.appendChild(cap);
    frames.appendChild(f);
  });
  drawAttributes();
  drawRoads();
}

function drawAttributes() {
  const s = page.byId[page.current];
  const body = document.querySelector('#attrs tbody');
  body.innerHTML = '';
  page.data.schema.forEach((g, i) => {
    const a = s.attributes[g.name];
    const tr = document.createElement('tr');
    tr.dataset.group = g.name;
    if (i === page.attr) tr.className = 'selected';
    tr.onclick = () => { page.attr = i; drawAttributes(); };
    const cell = (text, cls) => { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; };
    cell(g.name);
    cell(a.model + ' (' + (100 * a.confidence).toFixed(0) + '%)', 'model');
    const cats = cell('');
    g.categories.forEach((c, k) => {
      const b = document.createElement('button');
      b.className = 'cat' + (c === a.value ? ' chosen' : '');
      b.textContent = (k < 10 ? ((k + 1) % 10) + ' ' : '') + c;
      b.onclick = (e) => { e.stopPropagation(); page.attr = i; choose(g.name, c); };
      cats.appendChild(b);
    });
    cell(a.value, 'value');
    cell(a.coded_by, 'by ' + a.coded_by);
    body.appendChild(tr);
  });
}

async function decide(segment, values, codedBy, undoEntry) {
  const r = await fetch('/api/decide', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ segment: segment, values: values, coded_by: codedBy }) });
  if (!r.ok) {
    document.getElementById('saved').textContent = 'NOT saved: ' + await r.text();
    return false;
  }
  const s = page.byId[segment];
  Object.keys(values).forEach(g => { s.attributes[g].value = values[g]; s.attributes[g].coded_by = codedBy[g]; });
  if (undoEntry) page.undo.push(undoEntry);
  page.saves++;
  document.body.dataset.saves = String(page.saves);
  document.getElementById('saved').textContent = 'saved ' + new Date().toLocaleTimeString();
  return true;
}

function snapshot(s, groups) {
  const values = {}, by = {};
  groups.forEach(g => { values[g] = s.attributes[g].value; by[g] = s.attributes[g].coded_by; });
  return { segment: s.id, values: values, coded_by: by };
}

async function choose(group, category) {
  const s = page.byId[page.current];
  const before = snapshot(s, [group]);
  const by = category === s.attributes[group].model ? 'reviewed' : 'corrected';
  await decide(s.id, { [group]: category }, { [group]: by }, before);
  drawAttributes();
  drawRoads();
}

async function confirmRest() {
  const s = page.byId[page.current];
  const open = page.data.schema.map(g => g.name).filter(g => s.attributes[g].coded_by === 'model');
  if (open.length > 0) {
    const values = {}, by = {};
    open.forEach(g => { values[g] = s.attributes[g].value; by[g] = 'reviewed'; });
    await decide(s.id, values, by, snapshot(s, open));
  }
  show(nextUncertain(s.id) || s.id);
}

async function undo() {
  const last = page.undo.pop();
  if (!last) return;
  await decide(last.segment, last.values, last.coded_by, null);
  show(last.segment);
}

function step(delta) {
  const s = page.byId[page.current];
  const road = page.data.segments.filter(x => x.road === s.road).sort((a, b) => Number(a.start_m) - Number(b.start_m));
  const i = road.findIndex(x => x.id === s.id) + delta;
  if (i >= 0 && i < road.length) show(road[i].id);
}

document.addEventListener('keydown', e => {
  if (!page.data) return;
  const groups = page.data.schema;
  if ((e.ctrlKey || e.metaKey) && e.key === 'z') { e.preventDefault(); undo(); return; }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'ArrowDown' || e.key === 'j') { page.attr = Math.min(groups.length - 1, page.attr + 1); drawAttributes(); }
  else if (e.key === 'ArrowUp' || e.key === 'k') { page.attr = Math.max(0, page.attr - 1); drawAttributes(); }
  else if (/^[0-9]$/.test(e.key)) {
    const g = groups[page.attr];
    const k = e.key === '0' ? 9 : Number(e.key) - 1;
    if (k < g.categories.length) choose(g.name, g.categories[k]);
  }
  else if (e.key === 'Enter') { confirmRest(); }
  else if (e.key === 'n') { const n = nextUncertain(page.current); if (n) show(n); }
  else if (e.key === 'ArrowLeft') { step(-1); }
  else if (e.key === 'ArrowRight') { step(1); }
  else if (e.key === 'u') { undo(); }
  else return;
  e.preventDefault();
});

load();
