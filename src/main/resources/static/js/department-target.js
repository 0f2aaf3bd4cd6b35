// 部门整体绩效目标 page: print, and while drafted the editor in the published layout — activities and their indicators
// added, removed, moved; each change checked by the server's own rules, the findings beside their rows.
(function () {
  'use strict';
  const main = document.getElementById('main');
  const id = main.dataset.tableId;
  const message = document.getElementById('action-message');
  const BANDS = ['优', '良', '中', '差'];

  const print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', () => window.print());
  }
  const editor = document.getElementById('editor');
  if (!editor || main.dataset.editable !== 'true') {
    return;
  }
  const table = JSON.parse(document.getElementById('table-data').textContent);
  const tbody = editor.querySelector('#editor-activities tbody');
  const goalList = document.getElementById('e-goals');
  const status = document.getElementById('check-status');
  const text = v => (v === null || v === undefined) ? '' : String(v);
  let timer = null;
  let sequence = 0;

  // The page's working copy; every input writes into it, the structure buttons re-render from it.
  const state = {
    overallGoal: text(table.overallGoal),
    totalBudget: text(table.totalBudget),
    goals: (table.goals || []).map(g => ({title: text(g.title), goal: text(g.goal), indicators: text(g.indicators)})),
    activities: (table.activities || []).map(a => ({code: text(a.code), name: text(a.name),
      description: text(a.description), budgetYear: text(a.budgetYear), goal: text(a.goal),
      indicators: (a.indicators || []).map(indicatorOf)}))
  };

  function indicatorOf(i) {
    const bands = {};
    BANDS.forEach(b => { bands[b] = i && i.bands && i.bands[b] != null ? i.bands[b] : ''; });
    return {name: text(i && i.name), description: text(i && i.description), weight: text(i && i.weight), bands};
  }

  function blankToNull(v) {
    const s = text(v).trim();
    return s === '' ? null : s;
  }

  function form() {
    const number = v => blankToNull(v) === null ? null : v.replace(/[,，\s]/g, '');
    return {
      version: table.version,
      overallGoal: blankToNull(state.overallGoal),
      totalBudget: number(state.totalBudget),
      goals: state.goals.map(g => ({title: blankToNull(g.title), goal: blankToNull(g.goal),
        indicators: blankToNull(g.indicators)})),
      activities: state.activities.map(a => ({code: blankToNull(a.code), name: blankToNull(a.name),
        description: blankToNull(a.description), budgetYear: blankToNull(a.budgetYear), goal: blankToNull(a.goal),
        indicators: a.indicators.map(i => ({name: blankToNull(i.name), description: blankToNull(i.description),
          weight: number(i.weight),
          bands: Object.fromEntries(BANDS.filter(b => blankToNull(i.bands[b]) !== null)
            .map(b => [b, i.bands[b].trim()]))}))}))
    };
  }

  function input(target, key, label, multiline) {
    const field = document.createElement(multiline ? 'textarea' : 'input');
    if (multiline) { field.rows = 2; }
    field.value = target[key];
    field.dataset.key = key;
    field.setAttribute('aria-label', label);
    field.addEventListener('input', () => { target[key] = field.value; schedule(); });
    return field;
  }

  // The activity's long texts get the height of the rows they span.
  function tall(field) {
    field.rows = 4;
    return field;
  }

  function cell(child, attrs) {
    const td = document.createElement('td');
    Object.entries(attrs || {}).forEach(([k, v]) => td.setAttribute(k, v));
    if (child) { td.appendChild(child); }
    return td;
  }

  function button(label, aria, action, disabled) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', aria);
    b.dataset.action = aria;
    b.disabled = !!disabled;
    b.addEventListener('click', action);
    return b;
  }

  function ops(...buttons) {
    const td = document.createElement('td');
    td.className = 'ops';
    buttons.forEach(b => td.appendChild(b));
    return td;
  }

  function swap(list, i, j) {
    if (j < 0 || j >= list.length) { return false; }
    [list[i], list[j]] = [list[j], list[i]];
    return true;
  }

  function changed(focus) {
    render();
    schedule();
    if (focus) {
      const target = editor.querySelector(focus);
      if (target) { target.focus(); }
    }
  }

  function renderGoals() {
    goalList.innerHTML = '';
    state.goals.forEach((g, n) => {
      const li = document.createElement('li');
      li.dataset.goal = n;
      const where = '第' + (n + 1) + '个分项绩效目标';
      const number = document.createElement('span');
      number.className = 'goal-number';
      number.textContent = (n + 1) + '.';
      li.appendChild(number);
      li.appendChild(input(g, 'title', where + '标题'));
      li.appendChild(input(g, 'goal', where + '的绩效目标', true));
      li.appendChild(input(g, 'indicators', where + '的绩效指标', true));
      const b = document.createElement('div');
      b.className = 'ops';
      b.appendChild(button('↑', where + '上移', () => swap(state.goals, n, n - 1) && changed(), n === 0));
      b.appendChild(button('↓', where + '下移', () => swap(state.goals, n, n + 1) && changed(),
        n === state.goals.length - 1));
      b.appendChild(button('删除', '删除' + where, () => { state.goals.splice(n, 1); changed(); }));
      li.appendChild(b);
      goalList.appendChild(li);
    });
  }

  function render() {
    renderGoals();
    tbody.innerHTML = '';
    let row = 0;
    state.activities.forEach((a, k) => {
      const where = '第' + (k + 1) + '个活动';
      const span = Math.max(1, a.indicators.length);
      const rows = a.indicators.length === 0 ? [null] : a.indicators;
      rows.forEach((ind, i) => {
        const tr = document.createElement('tr');
        tr.dataset.activity = k;
        if (i === 0) {
          tr.dataset.first = 'true';
          const attrs = {rowspan: span};
          tr.appendChild(cell(input(a, 'code', where + '活动编码'), attrs));
          tr.appendChild(cell(input(a, 'name', where + '活动名称', true), attrs));
          tr.appendChild(cell(tall(input(a, 'description', where + '活动描述', true)), attrs));
          const year = input(a, 'budgetYear', where + '预算年度');
          year.inputMode = 'numeric';
          tr.appendChild(cell(year, attrs));
          tr.appendChild(cell(tall(input(a, 'goal', where + '绩效目标', true)), attrs));
          const activityOps = ops(
            button('↑', where + '上移', () => swap(state.activities, k, k - 1)
              && changed('[data-action="第' + k + '个活动上移"]'), k === 0),
            button('↓', where + '下移', () => swap(state.activities, k, k + 1)
              && changed('[data-action="第' + (k + 2) + '个活动下移"]'), k === state.activities.length - 1),
            button('添加指标', where + '添加指标', () => {
              a.indicators.push(indicatorOf(null));
              changed('tr[data-activity="' + k + '"][data-indicator="' + (a.indicators.length - 1)
                + '"] [data-key=name]');
            }),
            button('删除活动', '删除' + where, () => {
              if (a.indicators.length === 0 || window.confirm('删除' + where + '及其 ' + a.indicators.length + ' 个指标？')) {
                state.activities.splice(k, 1);
                changed();
              }
            }));
          activityOps.setAttribute('rowspan', span);
          activityOps.classList.add('activity-ops');
          tr.appendChild(activityOps);
        }
        if (ind === null) {
          const empty = cell(null, {colspan: 7});
          empty.className = 'hint';
          empty.textContent = '（尚无绩效指标：请添加）';
          tr.appendChild(empty);
        } else {
          const at = where + '第' + (i + 1) + '个指标';
          tr.dataset.indicator = i;
          tr.dataset.row = row++;
          tr.appendChild(cell(input(ind, 'name', at + '名称', true)));
          tr.appendChild(cell(input(ind, 'description', at + '描述', true)));
          const weight = input(ind, 'weight', at + '权重');
          weight.inputMode = 'decimal';
          tr.appendChild(cell(weight));
          BANDS.forEach(b => {
            const field = input(ind.bands, b, at + b + '档');
            field.dataset.key = 'band-' + b;
            const td = cell(field);
            td.className = 'band';
            tr.appendChild(td);
          });
        }
        const findings = cell(null);
        findings.className = 'row-findings';
        tr.appendChild(findings);
        if (ind === null) {
          tr.appendChild(cell(null));
        } else {
          const at = where + '第' + (i + 1) + '个指标';
          tr.appendChild(ops(
            button('↑', at + '上移', () => swap(a.indicators, i, i - 1)
              && changed('tr[data-activity="' + k + '"][data-indicator="' + (i - 1) + '"] [data-key=name]'), i === 0),
            button('↓', at + '下移', () => swap(a.indicators, i, i + 1)
              && changed('tr[data-activity="' + k + '"][data-indicator="' + (i + 1) + '"] [data-key=name]'),
              i === a.indicators.length - 1),
            button('删除', '删除' + at, () => { a.indicators.splice(i, 1); changed(); })));
        }
        tbody.appendChild(tr);
      });
    });
    if (state.activities.length === 0) {
      const tr = document.createElement('tr');
      const td = cell(null, {colspan: 15});
      td.textContent = '尚无活动：请添加。';
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
  }

  function item(f) {
    const li = document.createElement('li');
    li.className = f.severity === 'ERROR' ? 'error' : 'warning';
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = f.severity === 'ERROR' ? '错误' : '提示';
    li.appendChild(sev);
    li.appendChild(document.createTextNode(f.message));
    return li;
  }

  // Each finding beside its row: an indicator's by its place among all indicators, an activity's on its first row.
  function showFindings(findings) {
    tbody.querySelectorAll('tr[data-activity]').forEach(tr => {
      const k = Number(tr.dataset.activity);
      const row = tr.dataset.row === undefined ? null : Number(tr.dataset.row);
      const own = findings.filter(f => (row !== null && f.indicatorIndex === row)
        || (f.indicatorIndex == null && f.activityIndex === k && tr.dataset.first === 'true'));
      const ul = document.createElement('ul');
      ul.className = 'findings';
      own.forEach(f => ul.appendChild(item(f)));
      const td = tr.querySelector('.row-findings');
      td.innerHTML = '';
      td.appendChild(ul);
      tr.classList.toggle('has-error', own.some(f => f.severity === 'ERROR'));
      tr.classList.toggle('has-warning', own.length > 0 && !own.some(f => f.severity === 'ERROR'));
    });
    const summary = document.getElementById('check-summary');
    summary.innerHTML = '';
    if (findings.length > 0) {
      const ul = document.createElement('ul');
      ul.className = 'findings project-findings';
      ul.id = 'findings-summary';
      ul.setAttribute('aria-label', '全部校验结果');
      findings.forEach(f => ul.appendChild(item(f)));
      summary.appendChild(ul);
    }
    const errors = findings.filter(f => f.severity === 'ERROR').length;
    document.getElementById('error-count').textContent = errors;
    document.getElementById('warning-count').textContent = findings.length - errors;
    return errors;
  }

  function schedule() {
    clearTimeout(timer);
    status.textContent = '正在检查…';
    timer = setTimeout(check, 350);
  }

  async function check() {
    const mine = ++sequence;
    try {
      const checked = await window.perf.api('POST', '/api/department-targets/' + id + '/check', form());
      if (mine !== sequence) { return; }
      const findings = checked.findings || [];
      const errors = showFindings(findings);
      status.textContent = '检查完成：' + errors + ' 个错误，' + (findings.length - errors) + ' 个提示';
    } catch (e) {
      if (mine === sequence) { status.textContent = '无法检查：' + e.message; }
    }
  }

  document.querySelectorAll('#editor [data-field]').forEach(field => {
    field.value = state[field.dataset.field];
    field.addEventListener('input', () => { state[field.dataset.field] = field.value; schedule(); });
  });
  document.getElementById('add-goal').addEventListener('click', () => {
    state.goals.push({title: '', goal: '', indicators: ''});
    changed('#e-goals li:last-child [data-key=title]');
  });
  document.getElementById('add-activity').addEventListener('click', () => {
    state.activities.push({code: '', name: '', description: '', budgetYear: text(table.year), goal: '',
      indicators: [indicatorOf(null)]});
    changed('tr[data-activity="' + (state.activities.length - 1) + '"] [data-key=code]');
  });
  document.getElementById('cancel-edit').addEventListener('click', () => window.location.reload());
  document.getElementById('save').addEventListener('click', async () => {
    const save = document.getElementById('save');
    save.disabled = true;
    status.textContent = '正在保存…';
    try {
      await window.perf.api('PUT', '/api/department-targets/' + id, form());
      window.location.reload();
    } catch (e) {
      status.textContent = '保存失败，未保存任何修改：' + e.message;
      window.perf.show(message, '保存失败，未保存任何修改：' + e.message, 'error');
      save.disabled = false;
    }
  });

  // Editing happens in the editor, laid out as published; the read-only table stays for printing.
  render();
  showFindings(table.findings || []);
  document.getElementById('target-table').hidden = true;
  editor.hidden = false;
})();
