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

/** The stats page: totals, streaks, daily words as a bar chart (with the same numbers as a table). */
export async function statsPage(main, period, page) {
  const body = h('div', { id: 'stats' }, h('p', { class: 'muted' }, 'Loading…'));
  const choose = h('select', { id: 'period', onChange: (e) => statsPage(main, e.target.value, page) },
    PERIODS.map(([v, l]) => h('option', { value: v, selected: v === period }, l)));
  page('Your writing', h('label', {}, 'Period', choose), body);
  try {
    const d = (await api('GET', '/users/me/stats?period=' + encodeURIComponent(period))).data || {};
    const facts = [
      ['Words written', d.totalWordsWritten], ['Current streak (days)', d.currentStreak],
      ['Longest streak (days)', d.longestStreak], ['Average words per day', d.averageWordsPerDay],
      ['Writing days', d.writingDays], ['Milestones reached', d.milestonesReached],
      ['Projects (active / completed / all)', [d.activeProjects, d.completedProjects, d.totalProjects].join(' / ')]];
    const days = (d.dailyBreakdown || []).slice().sort((a, b) => a.date.localeCompare(b.date));
    body.replaceChildren(
      h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v === undefined || v === null ? '—'
        : typeof v === 'number' ? v.toLocaleString() : v)])),
      days.length ? chart(days) : h('p', { class: 'muted' }, 'No writing in this period yet.'));
  } catch (e) {
    body.replaceChildren(h('p', { class: 'error' }, 'Stats are not available right now: ' + e.message));
  }
}

function chart(days) {
  const max = Math.max(1, ...days.map((d) => d.wordCount || 0));
  const width = Math.max(days.length * 12, 120);
  const bars = days.map((d, i) => {
    const height = Math.round(((d.wordCount || 0) / max) * 100);
    return svg('rect', { x: i * 12 + 1, y: 100 - height, width: 10, height, fill: '#2f6b3f' });
  });
  return h('figure', {},
    svg('svg', { viewBox: '0 0 ' + width + ' 100', class: 'chart', role: 'img',
      'aria-label': 'Words per day, highest ' + max.toLocaleString() }, bars),
    h('figcaption', {}, 'Words per day'),
    h('details', {}, h('summary', {}, 'As a table'), h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Day'), h('th', {}, 'Words'), h('th', {}, 'Projects'))),
      h('tbody', {}, days.map((d) => h('tr', {}, h('td', {}, d.date), h('td', {}, d.wordCount), h('td', {}, d.projectsWorkedOn)))))));
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
