// Writer's Tree in the browser: a small router over the pages, the session, the sync socket and the bloom.
import { api } from './api.js';
import { h, svg, announce } from './dom.js';
import { treeSvg, SPECIES, SEASONS } from './tree.js';
import { mountEditor } from './editor.js';
import { SyncSocket } from './sync.js';
import { statsPage, celebrate } from './extras.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const sync = new SyncSocket();
const USER_KEY = 'wt.user';
let cleanup = null;
let offline = false;

const ctx = {
  sync,
  offline: () => offline || !navigator.onLine,
  setOffline: (value) => { offline = value; },
  bloom,
  signedOut,
};

function currentUser() {
  try { return JSON.parse(localStorage.getItem(USER_KEY)); } catch (e) { return null; }
}

function navigate(path, replace) {
  if (replace) history.replaceState(null, '', path); else history.pushState(null, '', path);
  route();
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-link]');
  if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', route);
sync.on((event) => {
  if (event === 'signed-out') signedOut();
  if (event === 'auth-failed') {
    api('GET', '/users/me').catch((e) => { if (e.status === 401) signedOut(); });
  }
  if (event === 'open') offline = false;
});

function renderNav() {
  const user = currentUser();
  nav.replaceChildren(...(user
    ? [h('span', { class: 'muted' }, user.fullName || user.email),
       h('a', { href: '/projects', 'data-link': true }, 'Projects'),
       h('a', { href: '/stats', 'data-link': true }, 'Stats'),
       h('button', { type: 'button', class: 'secondary', id: 'sign-out', onClick: signOut }, 'Sign out')]
    : [h('a', { href: '/signin', 'data-link': true }, 'Sign in'), h('a', { href: '/signup', 'data-link': true }, 'Sign up')]));
}

async function signOut() {
  try { await api('POST', '/auth/logout'); } catch (e) { /* the cookie is cleared below either way */ }
  signedOut();
}

function signedOut() {
  const was = currentUser();
  localStorage.removeItem(USER_KEY);
  sync.stop();
  // the logout's answer and the socket's signed-out event both end here: draw the sign-in page once
  if (!was && location.pathname === '/signin') return;
  navigate('/signin', true);
}

function page(titleText, ...children) {
  document.title = titleText + " — Writer's Tree";
  const heading = h('h1', { tabindex: '-1' }, titleText);
  main.replaceChildren(heading, ...children);
  return heading;
}

function errorBox() { return h('div', { role: 'alert', class: 'error-slot' }); }
function showError(box, e) { box.replaceChildren(h('p', { class: 'error' }, e.message || String(e))); }

function field(label, attrs, hint) {
  return h('label', {}, label, h('input', attrs), hint ? h('span', { class: 'hint' }, hint) : null);
}

function form(id, onSubmit, submitText, ...fields) {
  const box = errorBox();
  const button = h('button', { type: 'submit' }, submitText);
  const el = h('form', { class: 'stack', id, novalidate: false }, box, ...fields, button);
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    box.replaceChildren();
    button.disabled = true;
    try { await onSubmit(new FormData(el), box); } catch (err) { showError(box, err); } finally { button.disabled = false; }
  });
  return el;
}

// ---------------------------------------------------------------- account pages

function signInPage(message) {
  const resend = h('div');
  const f = form('signin-form', async (data) => {
    const email = data.get('email');
    try {
      const answer = await api('POST', '/auth/login', { email, password: data.get('password') });
      localStorage.setItem(USER_KEY, JSON.stringify(answer.data.user || { email }));
      sync.start();
      navigate('/projects');
    } catch (e) {
      if (e.status === 403) {
        resend.replaceChildren(h('p', { class: 'notice' }, 'Please verify your email first: open the link we mailed you. ',
          h('button', { type: 'button', class: 'secondary', onClick: async () => {
            await api('POST', '/auth/resend-verification', { email }).catch(() => {});
            announce('If the account needs it, a new link is on its way.');
          } }, 'Send the link again')));
        return;
      }
      throw e;
    }
  }, 'Sign in',
  field('Email', { type: 'email', name: 'email', id: 'email', required: true, autocomplete: 'email' }),
  field('Password', { type: 'password', name: 'password', id: 'password', required: true, autocomplete: 'current-password' }));
  page('Sign in', message ? h('p', { class: 'notice', id: 'page-message' }, message) : null, f, resend,
    h('p', {}, h('a', { href: '/forgot-password', 'data-link': true }, 'Forgot your password?')),
    h('p', {}, 'New here? ', h('a', { href: '/signup', 'data-link': true }, 'Create an account')));
  f.querySelector('input').focus();
}

function signUpPage() {
  const f = form('signup-form', async (data) => {
    const email = data.get('email');
    await api('POST', '/auth/register', { email, password: data.get('password'), fullName: data.get('fullName') || undefined });
    // registering may set a cookie of an unverified account: the client only signs in after verification
    page('Check your mail', h('p', { class: 'notice', id: 'check-mail' },
      'We sent a link to ' + email + '. Open it to verify your address, then sign in.'),
      h('a', { href: '/signin', 'data-link': true }, 'Go to sign in'));
    main.querySelector('h1').focus();
  }, 'Create account',
  field('Name (optional)', { type: 'text', name: 'fullName', id: 'full-name', autocomplete: 'name', maxlength: 255 }),
  field('Email', { type: 'email', name: 'email', id: 'email', required: true, autocomplete: 'email' }),
  field('Password', { type: 'password', name: 'password', id: 'password', required: true, minlength: 8, autocomplete: 'new-password' },
    'At least 8 characters, with an uppercase letter, a lowercase letter and a number.'));
  page('Create your account', f, h('p', {}, 'Have an account? ', h('a', { href: '/signin', 'data-link': true }, 'Sign in')));
  f.querySelector('input').focus();
}

async function verifyPage(token) {
  const heading = page('Verifying your email…');
  try {
    if (!token) throw new Error('This link has no token. Open the link from the mail again.');
    await api('POST', '/auth/verify-email', { token });
    signInPage('Your email is verified. You can sign in now.');
  } catch (e) {
    page('Verification failed', h('p', { class: 'error', role: 'alert' },
      e.status === 400 ? 'This link is invalid or has expired. Sign in to ask for a new one.' : e.message),
      h('a', { href: '/signin', 'data-link': true }, 'Sign in'));
  }
  return heading;
}

// the cancel link of the account-deletion mail (identity README "Account deletion"): restores the account
async function cancelDeletionPage(token) {
  const heading = page('Restoring your account…');
  try {
    if (!token) throw new Error('This link has no token. Open the link from the mail again.');
    await api('POST', '/auth/cancel-deletion', { token });
    signInPage('Your account is restored with everything in it. Sign in again.');
  } catch (e) {
    page('Restoring failed', h('p', { class: 'error', role: 'alert' },
      e.status === 400 ? 'This link is invalid, was used already or the account was erased.' : e.message),
      h('a', { href: '/signin', 'data-link': true }, 'Sign in'));
  }
  return heading;
}

function forgotPage() {
  const f = form('forgot-form', async (data) => {
    await api('POST', '/auth/forgot-password', { email: data.get('email') });
    page('Check your mail', h('p', { class: 'notice' },
      'If an account uses this address, a link to choose a new password is on its way.'));
  }, 'Send the link', field('Email', { type: 'email', name: 'email', id: 'email', required: true, autocomplete: 'email' }));
  page('Forgot your password?', f);
  f.querySelector('input').focus();
}

function resetPage(token) {
  const f = form('reset-form', async (data, box) => {
    if (data.get('newPassword') !== data.get('repeat')) { box.replaceChildren(h('p', { class: 'error' }, 'The two passwords differ.')); return; }
    await api('POST', '/auth/reset-password', { token, newPassword: data.get('newPassword') });
    localStorage.removeItem(USER_KEY);
    signInPage('Your password is changed. Sign in with the new one.');
  }, 'Change password',
  field('New password', { type: 'password', name: 'newPassword', id: 'new-password', required: true, minlength: 8, autocomplete: 'new-password' },
    'At least 8 characters, with an uppercase letter, a lowercase letter and a number.'),
  field('Repeat it', { type: 'password', name: 'repeat', id: 'repeat-password', required: true, autocomplete: 'new-password' }));
  page('Choose a new password', token ? f : h('p', { class: 'error' }, 'This link has no token. Open the link from the mail again.'));
  if (token) f.querySelector('input').focus();
}

// ---------------------------------------------------------------- projects


function select(label, name, values) {
  return h('label', {}, label, h('select', { name, id: name }, values.map((v) => h('option', { value: v }, v))));
}

async function projectsPage(archived) {
  const list = h('ul', { class: 'projects', id: 'project-list', 'aria-label': 'Projects' });
  const box = errorBox();
  const create = form('create-form', async (data) => {
    const answer = await api('POST', '/projects', { title: data.get('title'), wordGoal: Number(data.get('wordGoal')),
      treeSpecies: data.get('treeSpecies'), treeSeason: data.get('treeSeason'), deadline: data.get('deadline') || undefined });
    navigate('/projects/' + answer.data.id);
  }, 'Create project',
  field('Title', { type: 'text', name: 'title', id: 'new-title', required: true, maxlength: 255 }),
  field('Word goal', { type: 'number', name: 'wordGoal', id: 'new-goal', required: true, min: 1000, max: 10000000, value: 50000, step: 1 }),
  select('Tree', 'treeSpecies', SPECIES), select('Season', 'treeSeason', SEASONS),
  field('Deadline (optional)', { type: 'date', name: 'deadline', id: 'new-deadline', min: '2000-01-01', max: '2999-12-31' },
    'With a deadline, the stats page shows the words needed per day.'));
  const toggle = h('a', { href: archived ? '/projects' : '/projects/archived', 'data-link': true, id: 'archive-toggle' },
    archived ? 'Back to projects in use' : 'Show archived projects');
  page(archived ? 'Archived projects' : 'Your projects', box, list, h('p', {}, toggle),
    archived ? null : h('details', { id: 'new-project', open: true }, h('summary', {}, 'New project'), create));
  main.querySelector('h1').focus();
  try {
    const answer = await api('GET', '/projects?limit=100' + (archived ? '&status=archived' : ''));
    const projects = answer.data.projects || [];
    if (projects.length === 0) list.replaceChildren(h('li', { class: 'muted' }, archived ? 'Nothing archived.' : 'No projects yet: start one below.'));
    else list.replaceChildren(...projects.map((p) => projectItem(p, archived)));
  } catch (e) {
    if (e.status === 401) return signedOut();
    showError(box, e);
  }
}

function projectItem(p, archived) {
  const progress = Number(p.progress) || 0;
  const actions = h('div', { class: 'row' });
  // the list has no milestones: each quarter of the goal the text holds counts as its bloom (the editor shows the
  // milestones content-service recorded, which stay when words are cut later)
  const item = h('li', { 'data-project-id': p.id }, treeSvg(p, Math.floor(progress / 25), { width: 160, height: 120 }),
    h('div', {},
      archived ? h('span', { class: 'project-title' }, p.title)
        : h('a', { href: '/projects/' + p.id, 'data-link': true, class: 'project-title' }, p.title),
      h('p', { class: 'muted' }, (p.currentWordCount || 0).toLocaleString() + ' of ' + p.wordGoal.toLocaleString()
        + ' words · ' + progress.toFixed(0) + '%' + (p.status === 'completed' ? ' · completed' : '')),
      h('progress', { max: 100, value: progress, 'aria-label': 'Progress of ' + p.title }),
      actions));
  const act = (label, run, cls) => h('button', { type: 'button', class: cls || 'secondary', onClick: async () => {
    try { await run(); } catch (e) { alertIn(item, e); }
  } }, label);
  if (archived) {
    actions.append(
      act('Restore', async () => { await api('POST', '/projects/' + p.id + '/restore'); announce(p.title + ' restored'); route(); }),
      act('Delete forever', async () => {
        if (!confirm('Delete “' + p.title + '” and its text forever? This cannot be undone.')) return;
        await api('DELETE', '/projects/' + p.id + '?permanent=true&confirm=' + encodeURIComponent(p.id));
        announce(p.title + ' deleted'); route();
      }, 'danger'));
  } else {
    actions.append(
      act('Rename', async () => renameForm(item, p)),
      act('Archive', async () => { await api('DELETE', '/projects/' + p.id); announce(p.title + ' archived'); route(); }));
  }
  return item;
}

function alertIn(item, e) {
  const old = item.querySelector('.error');
  if (old) old.remove();
  item.lastChild.append(h('p', { class: 'error', role: 'alert' }, e.message));
}

function renameForm(item, p) {
  const input = h('input', { type: 'text', name: 'title', value: p.title, required: true, maxlength: 255, id: 'rename-' + p.id });
  const f = h('form', { class: 'row' }, h('label', {}, 'New title', input), h('button', { type: 'submit' }, 'Save title'),
    h('button', { type: 'button', class: 'secondary', onClick: () => route() }, 'Cancel'));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await api('PATCH', '/projects/' + p.id, { title: input.value }); announce('Renamed'); route(); } catch (err) { alertIn(item, err); }
  });
  item.lastChild.append(f);
  input.focus();
  input.select();
}

// ---------------------------------------------------------------- versions

async function versionsPage(id) {
  const list = h('ul', { class: 'versions', id: 'version-list' });
  const preview = h('div', { id: 'version-preview' });
  const box = errorBox();
  page('Versions', box, h('p', {}, h('a', { href: '/projects/' + id, 'data-link': true }, 'Back to the text')), list, preview);
  main.querySelector('h1').focus();
  try {
    const answer = await api('GET', '/projects/' + id + '/versions');
    const versions = answer.data.versions || [];
    if (versions.length === 0) list.replaceChildren(h('li', { class: 'muted' }, 'No saved versions yet.'));
    else list.replaceChildren(...versions.map((v) => h('li', {},
      h('button', { type: 'button', class: 'secondary', onClick: () => showVersion(id, v, preview, box) },
        'Version ' + v.versionNumber), ' ',
      h('span', { class: 'muted' }, new Date(v.createdAt).toLocaleString() + ' · ' + v.wordCount + ' words · ' + v.snapshotType
        + (v.metadata && v.metadata.milestone ? ' (' + v.metadata.milestone.replace('_', ' ') + ')' : '')))));
  } catch (e) {
    if (e.status === 401) return signedOut();
    showError(box, e);
  }
}

async function showVersion(id, v, preview, box) {
  try {
    const answer = await api('GET', '/projects/' + id + '/versions/' + v.id);
    const restore = h('button', { type: 'button', id: 'restore-version', onClick: async () => {
      if (!confirm('Replace the current text with version ' + v.versionNumber + '? The current text stays in the history.')) return;
      try {
        await api('POST', '/projects/' + id + '/versions/' + v.id + '/restore');
        localStorage.removeItem('wt.draft.' + id);
        navigate('/projects/' + id);
      } catch (e) { showError(box, e); }
    } }, 'Restore this version');
    preview.replaceChildren(h('h2', { tabindex: '-1' }, 'Version ' + v.versionNumber),
      h('pre', { class: 'preview' }, answer.data.version.content), restore);
    preview.querySelector('h2').focus();
  } catch (e) { showError(box, e); }
}

// ---------------------------------------------------------------- bloom

const bloomed = new Set();

/**
 * Shows the bloom of a milestone: reached now (the save's answer or the milestone:reached event, in every open window
 * of the writer), or reached while this device was not looking and not yet seen anywhere (the editor asks on load).
 * Once per milestone in this page, although both the answer and the event announce it; then marked as seen
 * (stats-service `celebrate`), so that another device opened later does not bloom again.
 */
function bloom(projectId, milestone) {
  if (!milestone) return;
  const key = projectId + '.' + milestone;
  if (bloomed.has(key)) return;
  bloomed.add(key);
  const old = document.getElementById('bloom');
  if (old) old.remove();
  // the rotation sits on a group: the petal's own CSS transform (the opening animation) would replace it
  const petals = [0, 72, 144, 216, 288].map((a) => svg('g', { transform: 'rotate(' + a + ' 32 32)' },
    svg('ellipse', { cx: 32, cy: 18, rx: 7, ry: 12, class: 'petal' })));
  const label = milestone === '100_percent' ? 'Your tree is in full bloom: goal reached!'
    : 'Your tree blooms: ' + milestone.replace('_percent', '%') + ' of your goal!';
  const close = h('button', { type: 'button', class: 'secondary', onClick: () => el.remove() }, 'Close');
  const el = h('div', { class: 'bloom', id: 'bloom', role: 'status', 'data-milestone': milestone },
    svg('svg', { viewBox: '0 0 64 64', width: 56, height: 56, 'aria-hidden': 'true' }, petals,
      svg('circle', { cx: 32, cy: 32, r: 6, fill: '#f4c542' })),
    h('p', {}, label), close);
  document.body.append(el);
  setTimeout(() => el.remove(), 15000);
  celebrate(projectId, milestone);
}

// ---------------------------------------------------------------- router

async function route() {
  if (cleanup) { cleanup(); cleanup = null; }
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(location.search);
  const user = currentUser();
  renderNav();
  if (path === '/verify-email') return verifyPage(params.get('token'));
  if (path === '/reset-password') return resetPage(params.get('token'));
  if (path === '/cancel-deletion') return cancelDeletionPage(params.get('token'));
  if (path === '/forgot-password') return forgotPage();
  if (path === '/signup') return signUpPage();
  if (path === '/signin') return user ? navigate('/projects', true) : signInPage();
  if (!user) return navigate('/signin', true);
  sync.start();
  if (path === '/' || path === '/projects') return projectsPage(false);
  if (path === '/projects/archived') return projectsPage(true);
  if (path === '/stats') return statsPage(main, params.get('period') || 'month', page);
  let m = path.match(/^\/projects\/([A-Za-z0-9-]+)\/versions$/);
  if (m) return versionsPage(m[1]);
  m = path.match(/^\/projects\/([A-Za-z0-9-]+)$/);
  if (m) { cleanup = mountEditor(main, m[1], ctx); return; }
  page('Not found', h('p', {}, 'There is nothing here. ', h('a', { href: '/projects', 'data-link': true }, 'Your projects')));
}

route();
