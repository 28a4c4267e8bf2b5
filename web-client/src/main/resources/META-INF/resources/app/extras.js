// Export (spec §4.5) and stats (§4.6): written against the spec; a failing call shows a calm message, never breaks
// the page.
import { api } from './api.js';
import { h, svg } from './dom.js';

/** The export panel of a project: text (txt, docx, pdf) and the tree image (png, svg). */
export function exportPanel(projectId) {
  const result = h('div', { id: 'export-result', role: 'status', 'aria-live': 'polite' });
  const run = (label, path, body) => h('button', { type: 'button', class: 'secondary', onClick: async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Preparing ' + label + '…'));
    try {
      const answer = await api('POST', '/projects/' + projectId + path, body);
      const d = answer.data || {};
      result.replaceChildren(h('p', {}, h('a', { href: d.downloadUrl, target: '_blank', rel: 'noopener', id: 'export-link' },
        'Download ' + label), d.expiresAt ? h('span', { class: 'muted' }, ' (link valid until '
          + new Date(d.expiresAt).toLocaleString() + ')') : null));
    } catch (err) {
      result.replaceChildren(h('p', { class: 'error' }, 'Export is not available right now: ' + err.message));
    } finally {
      button.disabled = false;
    }
  } }, label);
  return h('details', { class: 'export', id: 'export' }, h('summary', {}, 'Export'),
    h('div', { class: 'row' },
      run('Text (.txt)', '/export', { format: 'txt', includeMetadata: true }),
      run('Word (.docx)', '/export', { format: 'docx', includeMetadata: true }),
      run('PDF', '/export', { format: 'pdf', includeMetadata: true }),
      run('Tree image (.png)', '/export-tree', { format: 'png', width: 1920, height: 1080, transparent: false }),
      run('Tree image (.svg)', '/export-tree', { format: 'svg', width: 1920, height: 1080, transparent: false })),
    result);
}

const PERIODS = [['week', 'Last 7 days'], ['month', 'Last 30 days'], ['year', 'Last year'], ['all', 'All time']];
const show = (v) => (v === undefined || v === null ? '—' : typeof v === 'number' ? v.toLocaleString() : v);

/**
 * The stats page: totals and streaks, daily words as a bar chart (with the same numbers as a table), and for each
 * project in use its goal tracker: pace, projected finish, deadline and daily quota (`GET /projects/{id}/stats`).
 */
export async function statsPage(main, period, page, periodChanged) {
  const body = h('div', { id: 'stats' }, h('p', { class: 'muted' }, 'Loading…'));
  const goals = h('section', { id: 'project-goals', 'aria-labelledby': 'goals-title' });
  const choose = h('select', { id: 'period', onChange: (e) => statsPage(main, e.target.value, page, true) },
    PERIODS.map(([v, l]) => h('option', { value: v, selected: v === period }, l)));
  const heading = page('Your writing', h('label', {}, 'Period', choose), body, goals);
  if (periodChanged) choose.focus(); else heading.focus(); // a new period keeps the focus on the period
  projectGoals(goals);
  try {
    const d = (await api('GET', '/users/me/stats?period=' + encodeURIComponent(period))).data || {};
    const facts = [
      ['Words written', d.totalWordsWritten], ['Current streak (days)', d.currentStreak],
      ['Longest streak (days)', d.longestStreak], ['Average words per day', d.averageWordsPerDay],
      ['Writing days', d.writingDays], ['Milestones reached', d.milestonesReached],
      ['Projects (active / completed / all)', [d.activeProjects, d.completedProjects, d.totalProjects].join(' / ')]];
    const days = (d.dailyBreakdown || []).slice().sort((a, b) => a.date.localeCompare(b.date));
    body.replaceChildren(
      h('dl', { class: 'facts', id: 'user-facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-fact': k }, show(v))])),
      days.length ? chart(everyDay(days.map((x) => [x.date, x.wordCount || 0, x.projectsWorkedOn]), d.from, d.to), 'Words per day', 'daily-chart',
        ['Projects', (x) => x[2]])
        : h('p', { class: 'muted' }, 'No writing in this period yet.'));
  } catch (e) {
    body.replaceChildren(h('p', { class: 'error' }, 'Stats are not available right now: ' + e.message));
  }
}

async function projectGoals(section) {
  section.replaceChildren(h('h2', { id: 'goals-title' }, 'Your projects: pace and finish'), h('p', { class: 'muted' }, 'Loading…'));
  let projects;
  try {
    projects = ((await api('GET', '/projects?limit=100&status=active')).data || {}).projects || [];
  } catch (e) {
    section.lastChild.replaceWith(h('p', { class: 'error' }, 'Projects are not available right now: ' + e.message));
    return;
  }
  if (!projects.length) { section.lastChild.replaceWith(h('p', { class: 'muted' }, 'No project in use.')); return; }
  const cards = projects.map((p) => {
    const card = h('article', { class: 'goal', 'data-project-id': p.id, 'aria-labelledby': 'goal-' + p.id },
      h('h3', { id: 'goal-' + p.id }, p.title), h('p', { class: 'muted' }, 'Loading…'));
    api('GET', '/projects/' + p.id + '/stats?days=30').then((a) => goalCard(card, p, a.data || {}),
      (e) => card.lastChild.replaceWith(h('p', { class: 'error' }, 'Not available right now: ' + e.message)));
    return card;
  });
  section.lastChild.replaceWith(h('div', { class: 'goals' }, cards));
}

function longDate(iso) {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

function goalCard(card, p, s) {
  const pace = (v) => (v === undefined || v === null ? '—' : Math.round(v).toLocaleString() + ' words a day');
  const finish = s.wordsRemaining === 0 ? 'Goal reached'
    : s.projectedFinishDate ? longDate(s.projectedFinishDate) : 'Not yet: write a few days to see it';
  const facts = [
    ['Words', show(s.currentWordCount) + ' of ' + show(s.wordGoal) + ' (' + show(s.wordsRemaining) + ' to go)'],
    ['Pace, last 7 days', pace(s.pace7Days)], ['Pace, last 14 days', pace(s.pace14Days)],
    ['Projected finish', finish, s.projectedFinishDate]];
  if (s.deadline) {
    facts.push(['Deadline', longDate(s.deadline) + ' (' + show(s.daysLeft) + ' days left)'],
      ['Needed per day', show(s.dailyQuota) + ' words'], ['On track', s.onTrack ? 'Yes' : 'Not at this pace']);
  }
  facts.push(['Words today', show(s.wordsToday)]);
  const series = (s.dailySeries || []).map((x) => [x.date, x.wordsAdded || 0, x.wordsDeleted || 0]);
  card.lastChild.replaceWith(h('div', {},
    h('dl', { class: 'facts' }, facts.flatMap(([k, v, raw]) => [h('dt', {}, k), h('dd', { 'data-fact': k, 'data-value': raw }, v)])),
    series.some((x) => x[1] > 0) ? chart(series, 'Words added per day, last ' + series.length + ' days', null, ['Deleted', (x) => x[2]]) : null));
}

/** Every day from `from` to `to` (ISO dates, both included) with the given rows' values, zeros elsewhere. */
function everyDay(rows, from, to) {
  if (!from || !to) return rows;
  const start = Date.parse(from + 'T00:00:00Z'), end = Date.parse(to + 'T00:00:00Z');
  if (!(end >= start) || (end - start) / 86400000 > 400) return rows;
  const byDate = new Map(rows.map((r) => [r[0], r]));
  const out = [];
  for (let t = start; t <= end; t += 86400000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(byDate.get(date) || [date, 0, 0]);
  }
  return out;
}

/** Bars of [date, value, ...] (oldest first) with a day axis, and the same numbers as a table. */
function chart(days, caption, id, extra) {
  const max = Math.max(1, ...days.map((d) => d[1]));
  const width = 600;
  const bar = width / days.length;
  const top = 14, plot = 100, bottom = 16;
  const bars = days.map((d, i) => {
    const height = Math.round((d[1] / max) * plot);
    return svg('rect', { x: (i * bar + Math.min(1, bar * 0.1)).toFixed(2), y: top + plot - height,
      width: Math.max(0.5, bar - Math.min(2, bar * 0.2)).toFixed(2), height, fill: '#2f6b3f' },
    svg('title', {}, document.createTextNode(d[0] + ': ' + d[1].toLocaleString())));
  });
  const label = (x, y, text, anchor) => svg('text', { x, y, 'font-size': 11, fill: '#545b56', 'text-anchor': anchor || 'start' },
    document.createTextNode(text));
  const axis = [svg('line', { x1: 0, y1: top + plot + 0.5, x2: width, y2: top + plot + 0.5, stroke: '#8a8f89' }),
    label(0, 10, 'max ' + max.toLocaleString()), label(1, top + plot + 13, days[0][0]),
    days.length > 1 ? label(width - 1, top + plot + 13, days[days.length - 1][0], 'end') : null];
  return h('figure', { class: 'chart-box' },
    svg('svg', { viewBox: '0 0 ' + width + ' ' + (top + plot + bottom), class: 'chart', id: id || undefined, role: 'img',
      'aria-label': caption + ', ' + days.length + ' days, highest ' + max.toLocaleString() }, axis, bars),
    h('figcaption', {}, caption),
    h('details', {}, h('summary', {}, 'As a table'), h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Day'), h('th', {}, 'Words'), h('th', {}, extra[0]))),
      h('tbody', {}, days.filter((d) => d[1] || d[2]).map((d) => h('tr', {}, h('td', {}, d[0]), h('td', {}, d[1]),
        h('td', {}, extra[1](d))))))));
}

/**
 * Marks a bloom as seen for every device (stats-service). Stats-service learns of the milestone from an event, a
 * moment after the save's answer: it is asked first (no request that must fail), then the bloom is marked.
 */
export async function celebrate(projectId, milestone) {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const found = (((await api('GET', '/projects/' + projectId + '/stats?days=1')).data || {}).milestones || [])
        .find((m) => m.type === milestone);
      if (found && found.celebrated) return;
      if (found) { await api('POST', '/projects/' + projectId + '/milestones/' + milestone + '/celebrate'); return; }
    } catch (e) {
      if (e.status === 401) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

/** Milestones of the project reached but not yet seen on any device (the editor shows them on load). */
export async function unseenBlooms(projectId) {
  try {
    const d = (await api('GET', '/projects/' + projectId + '/stats?days=1')).data || {};
    return (d.milestones || []).filter((m) => !m.celebrated).map((m) => m.type);
  } catch (e) {
    return [];
  }
}

/**
 * Inline word suggestions (spec §4.7), off until the writer turns them on: after a pause at the end of a word,
 * up to three next words; Alt+1..3 inserts one. A failing service hides them for a minute.
 */
export function suggestions(text, onInsert) {
  const list = h('span', { id: 'suggestions', 'aria-live': 'polite' });
  const toggle = h('input', { type: 'checkbox', id: 'suggest-toggle' });
  let timer = null;
  let pausedUntil = 0;
  let words = [];
  const show = (found) => {
    words = found;
    list.replaceChildren(...(found.length ? [h('span', { class: 'muted' }, 'Next word: '),
      ...found.map((w, i) => h('kbd', {}, 'Alt+' + (i + 1) + ' ' + w)), ] : []));
  };
  text.addEventListener('input', () => {
    clearTimeout(timer);
    show([]);
    if (!toggle.checked || Date.now() < pausedUntil) return;
    timer = setTimeout(async () => {
      const caret = text.selectionStart;
      const before = text.value.slice(Math.max(0, caret - 500), caret);
      if (!/\S\s$/.test(before)) return;
      try {
        const d = (await api('POST', '/suggestions', { context: before.trim(), limit: 3 })).data || {};
        if (text.selectionStart === caret) show((d.suggestions || []).map((s) => s.word).filter(Boolean).slice(0, 3));
      } catch (e) {
        pausedUntil = Date.now() + 60000;
      }
    }, 700);
  });
  text.addEventListener('keydown', (e) => {
    if (!e.altKey || !words.length) return;
    const i = Number(e.key) - 1;
    if (!(i >= 0 && i < words.length)) return;
    e.preventDefault();
    const at = text.selectionStart;
    text.setRangeText(words[i] + ' ', at, text.selectionEnd, 'end');
    show([]);
    onInsert();
  });
  return h('div', { class: 'row suggest' }, h('label', { class: 'inline' }, toggle, 'Word suggestions'), list);
}
