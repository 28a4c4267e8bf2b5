// The editor: autosave about 2 s after typing stops and at least every 10 s while typing; the text is kept in
// localStorage until the server has it (offline, server down, reload); live updates from the user's other devices.
import { api, countWords } from './api.js';
import { h, announce } from './dom.js';
import { exportPanel, suggestions, unseenBlooms } from './extras.js';
import { treeSvg, milestoneCount } from './tree.js';

export const IDLE_MS = 2000;
export const MAX_WAIT_MS = 10000;
const STATUS = {
  saved: 'Saved',
  saving: 'Saving…',
  pending: 'Unsaved changes',
  offline: 'Offline — kept on this device',
  conflict: 'Changed elsewhere — choose which text to keep',
};

const draftKey = (id) => 'wt.draft.' + id;

function readDraft(id) {
  try { return JSON.parse(localStorage.getItem(draftKey(id))); } catch (e) { return null; }
}

export function milestoneName(m) {
  if (!m) return null;
  return typeof m === 'string' ? m : (m.type || m.milestone || null);
}

export function mountEditor(main, id, ctx) {
  let base = 0;          // the server version the text in the editor derives from
  let dirty = false;     // the editor holds text the server does not have
  let inFlight = false;
  let again = false;
  let conflict = null;
  let blocked = null;    // a reason saving cannot go on (archived, signed out)
  let project = null;
  let idleTimer = null;
  let maxTimer = null;
  let retryTimer = null;
  let retryDelay = 2000;
  let draftTimer = null;
  let remote = null;     // a sync:update that arrived while saving
  let alive = true;
  let reached = new Set(); // the milestones of the current goal this project reached (content-service)
  let drawn = null;        // what the tree shows: 'progress (0.1 %)/milestones'
  let treeTimer = null;

  const status = h('p', { class: 'status', id: 'save-status', role: 'status', 'aria-live': 'polite', 'data-state': 'saved' });
  const words = h('span', { id: 'word-count' });
  const bar = h('progress', { max: 100, value: 0, 'aria-label': 'Progress to the word goal' });
  const treeBox = h('div', { class: 'tree-box' });
  const text = h('textarea', { class: 'writing', id: 'writing', 'aria-label': 'Your text', spellcheck: 'true',
    disabled: true, placeholder: 'Start writing…' });
  const conflictBox = h('div', { id: 'conflict' });
  const title = h('h1', { id: 'project-title' }, '…');
  main.replaceChildren(
    h('div', { class: 'editor-head' },
      h('div', {}, title, h('p', { class: 'muted' }, words)),
      treeBox),
    bar,
    h('div', { class: 'row' }, status,
      h('a', { href: '/projects/' + id + '/versions', 'data-link': true, class: 'button secondary', id: 'versions-link' }, 'Versions'),
      h('a', { href: '/projects', 'data-link': true, class: 'button secondary' }, 'All projects')),
    conflictBox,
    text,
    suggestions(text, () => text.dispatchEvent(new Event('input'))),
    exportPanel(id));

  function setStatus(state, message) {
    status.dataset.state = state;
    status.textContent = message || STATUS[state];
  }

  function refreshStatus() {
    if (conflict) return setStatus('conflict');
    if (blocked) return setStatus('error', blocked);
    if (inFlight) return setStatus('saving');
    if (!navigator.onLine || ctx.offline()) {
      if (dirty) return setStatus('offline');
    }
    if (dirty) return setStatus(ctx.offline() ? 'offline' : 'pending');
    return setStatus('saved');
  }

  function showCounts(wordCount) {
    const goal = project ? project.wordGoal : 0;
    const count = wordCount === undefined ? countWords(text.value) : wordCount;
    words.textContent = count.toLocaleString() + (goal ? ' / ' + goal.toLocaleString() + ' words' : ' words');
    const progress = goal ? Math.min(100, (count * 100) / goal) : 0;
    bar.value = progress;
    drawTree(progress);
  }

  // the tree grows with every tenth of a percent; redrawn at most every 300 ms while typing (a grown tree is a few
  // thousand shapes)
  function drawTree(progress) {
    const key = progress.toFixed(1) + '/' + reached.size;
    if (key === drawn || !project) return;
    if (treeTimer) return;
    const draw = () => {
      treeTimer = null;
      const now = bar.value;
      drawn = now.toFixed(1) + '/' + reached.size;
      treeBox.replaceChildren(treeSvg({ ...project, progress: now }, milestoneCount([...reached]),
        { width: 320, height: 240, cls: 'tree big' }));
    };
    if (drawn === null) draw(); else treeTimer = setTimeout(draw, 300);
  }

  function milestone(type) {
    if (!type) return;
    if (!reached.has(type)) { reached.add(type); drawn = null; drawTree(bar.value); }
    ctx.bloom(id, type);
  }

  function writeDraft() {
    clearTimeout(draftTimer);
    draftTimer = null;
    if (dirty) localStorage.setItem(draftKey(id), JSON.stringify({ text: text.value, base, at: Date.now() }));
    else localStorage.removeItem(draftKey(id));
  }

  function replaceText(next) {
    const old = text.value;
    if (old === next) return;
    const start = text.selectionStart, end = text.selectionEnd;
    let prefix = 0;
    while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix++;
    const delta = next.length - old.length;
    const fix = (p) => (p <= prefix ? p : Math.max(prefix, p + delta));
    text.value = next;
    if (document.activeElement === text) text.setSelectionRange(fix(start), fix(end));
  }

  function schedule() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(save, IDLE_MS);
    if (!maxTimer) maxTimer = setTimeout(save, MAX_WAIT_MS);
  }

  function retryLater(ms) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(save, ms || retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  }

  async function save() {
    clearTimeout(idleTimer); clearTimeout(maxTimer); clearTimeout(retryTimer);
    idleTimer = maxTimer = retryTimer = null;
    if (!alive || !dirty || conflict || blocked) return;
    if (inFlight) { again = true; return; }
    const sent = text.value;
    inFlight = true;
    refreshStatus();
    try {
      const answer = await api('PUT', '/projects/' + id + '/content', { content: sent, version: base });
      const d = answer.data || {};
      ctx.setOffline(false);
      retryDelay = 2000;
      if (d.merged && typeof d.content === 'string') {
        if (text.value === sent) {
          replaceText(d.content);
          base = d.version;
          dirty = false;
          announce('Merged with changes from another device');
        } // else: typed meanwhile; the next save merges again from the same base
      } else {
        base = d.version;
        if (text.value === sent) dirty = false;
      }
      showCounts(dirty ? undefined : d.wordCount);
      if (d.milestoneReached) milestone(milestoneName(d.milestoneReached));
    } catch (e) {
      if (e.status === 409 && e.code === 'VERSION_CONFLICT') {
        showConflict(e.details);
      } else if (e.status === 409) {
        blocked = 'This project is archived: restore it to keep writing. Your text is kept on this device.';
      } else if (e.status === 401) {
        blocked = 'Signed out — your text is kept on this device. Sign in again to save it.';
      } else if (e.offline) {
        ctx.setOffline(true);
        retryLater();
      } else if (e.status === 429) {
        retryLater((e.retryAfter || 2) * 1000);
      } else {
        setStatus('error', e.message + ' Your text is kept on this device.');
        retryLater();
      }
    } finally {
      inFlight = false;
      writeDraft();
      refreshStatus();
      if (remote) { const r = remote; remote = null; applyRemote(r); }
      if (again || (dirty && !retryTimer && !conflict && !blocked)) { again = false; if (dirty) schedule(); }
    }
  }

  function showConflict(details) {
    conflict = details || {};
    const theirs = typeof conflict.serverContent === 'string' ? conflict.serverContent : '';
    const keepMine = h('button', { type: 'button', id: 'keep-mine', onClick: () => {
      base = Number(conflict.serverVersion) || base;
      conflict = null;
      conflictBox.replaceChildren();
      dirty = true;
      save();
      text.focus();
    } }, 'Keep my text');
    const takeTheirs = h('button', { type: 'button', class: 'secondary', id: 'take-theirs', onClick: () => {
      const mine = text.value;
      base = Number(conflict.serverVersion) || base;
      conflict = null;
      text.value = theirs;
      dirty = false;
      writeDraft();
      conflictBox.replaceChildren(h('details', { class: 'conflict' },
        h('summary', {}, 'Your previous text (copy anything you still need)'),
        h('textarea', { readonly: true, 'aria-label': 'Your previous text' }, mine)));
      refreshStatus();
      showCounts();
      text.focus();
    } }, 'Use the other version');
    conflictBox.replaceChildren(h('section', { class: 'conflict', 'aria-labelledby': 'conflict-title' },
      h('h2', { id: 'conflict-title' }, 'This text was changed on another device'),
      h('p', {}, 'Your edits and the other ones overlap. Choose which text to keep; nothing is saved until you do.'),
      h('label', {}, 'The other version',
        h('textarea', { readonly: true, id: 'their-text' }, theirs)),
      h('div', { class: 'row' }, keepMine, takeTheirs)));
    refreshStatus();
    keepMine.focus();
  }

  function applyRemote(data) {
    if (Number(data.version) <= base || typeof data.content !== 'string') return;
    if (inFlight) { remote = data; return; }
    if (dirty || conflict) return; // the next save sends our base: the server merges or reports the conflict
    replaceText(data.content);
    base = Number(data.version);
    showCounts(data.wordCount);
    refreshStatus();
  }

  const offSync = ctx.sync.on((event, data) => {
    if (event === 'sync:update' && data.projectId === id) applyRemote(data);
    else if (event === 'milestone:reached' && data.projectId === id) milestone(milestoneName(data.milestone));
    else if (event === 'open') {
      ctx.sync.send('sync:resume', { projects: [{ projectId: id, version: base }] });
      if (dirty) save();
    }
    refreshStatus();
  });

  text.addEventListener('input', () => {
    dirty = true;
    if (!draftTimer) draftTimer = setTimeout(writeDraft, 250);
    showCounts();
    refreshStatus();
    schedule();
  });
  const online = () => { if (dirty) save(); refreshStatus(); };
  const leaving = () => { if (dirty) writeDraft(); };
  window.addEventListener('online', online);
  window.addEventListener('offline', refreshStatus);
  window.addEventListener('pagehide', leaving);

  (async () => {
    try {
      const answer = await api('GET', '/projects/' + id);
      if (!alive) return;
      project = answer.data.project;
      const content = answer.data.content;
      reached = new Set((answer.data.milestones || []).map((m) => m.type).filter(Boolean));
      title.textContent = project.title;
      document.title = project.title + " — Writer's Tree";
      if (!content) {
        setStatus('error', 'Your text cannot be loaded right now. Try again in a moment.');
        return;
      }
      base = content.version;
      const draft = readDraft(id);
      if (draft && typeof draft.text === 'string' && draft.text !== content.text) {
        text.value = draft.text;
        base = Number.isInteger(draft.base) ? draft.base : content.version;
        dirty = true;
        announce('Unsaved text from this device restored');
        save();
      } else {
        text.value = content.text;
        localStorage.removeItem(draftKey(id));
      }
      if (project.status === 'archived') blocked = 'This project is archived: restore it to keep writing.';
      text.disabled = project.status === 'archived';
      showCounts(dirty ? undefined : content.wordCount);
      refreshStatus();
      ctx.sync.send('sync:resume', { projects: [{ projectId: id, version: base }] });
      text.focus({ preventScroll: true }); // the page opens at its top: title, tree, status
      text.setSelectionRange(text.value.length, text.value.length);
      // a bloom reached while no window of this writer was looking, and not yet seen on another device
      if (reached.size) for (const type of await unseenBlooms(id)) if (alive && reached.has(type)) ctx.bloom(id, type);
    } catch (e) {
      if (e.status === 401) return ctx.signedOut();
      main.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.status === 404 || e.status === 403
        ? 'This project does not exist.' : e.message),
        h('a', { href: '/projects', 'data-link': true }, 'All projects'));
    }
  })();

  return () => {
    if (dirty) { writeDraft(); save(); }
    alive = false;
    offSync();
    clearTimeout(idleTimer); clearTimeout(maxTimer); clearTimeout(retryTimer); clearTimeout(treeTimer);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', refreshStatus);
    window.removeEventListener('pagehide', leaving);
  };
}
