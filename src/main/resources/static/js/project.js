// The target table page: actions (submit, withdraw, print) and the in-place editor of a draft.
(function () {
  'use strict';
  const main = document.getElementById('main');
  const id = main.dataset.projectId;
  const message = document.getElementById('action-message');
  const LEVELS = {
    '成本指标': ['经济成本指标', '社会成本指标', '生态环境成本指标'],
    '产出指标': ['数量指标', '质量指标', '时效指标', '成本指标'],
    '效益指标': ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
    '满意度指标': ['服务对象满意度指标']
  };

  document.querySelectorAll('[data-action]').forEach(button => button.addEventListener('click', async () => {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      return;
    }
    button.disabled = true;
    try {
      await window.perf.api('POST', '/api/projects/' + id + '/' + button.dataset.action, {});
      window.location.reload();
    } catch (e) {
      window.perf.show(message, e.message, 'error');
      button.disabled = false;
    }
  }));
  const print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', () => window.print());
  }

  const editButton = document.getElementById('edit');
  if (!editButton) {
    return;
  }
  const table = JSON.parse(document.getElementById('table-data').textContent);
  const editor = document.getElementById('editor');
  const tbody = editor.querySelector('#editor-rows tbody');
  const status = document.getElementById('check-status');
  let rows = [];
  let timer = null;
  let sequence = 0;

  function field(name) {
    return editor.querySelector('[data-field=' + name + ']');
  }

  function form() {
    const number = v => (v === '' || v === null || v === undefined) ? null : v.replace(/[,，\s]/g, '');
    return {
      year: table.year, code: table.code, name: field('name').value, unit: table.unit ? {code: table.unit.code} : null,
      category: table.category, budget: number(field('budget').value), fiscalFunds: number(field('fiscalFunds').value),
      otherFunds: number(field('otherFunds').value), budgetNote: table.budgetNote, purpose: field('purpose').value,
      goal: field('goal').value, spendingPlan: table.spendingPlan,
      indicators: rows.map(r => ({level1: r.level1, level2: r.level2, name: r.name, description: r.description,
        value: r.value, basis: r.basis, weight: number(r.weight), bands: bandsOf(r)}))
    };
  }

  const BANDS = [['excellent', '优'], ['good', '良'], ['fair', '中'], ['poor', '差']];

  // Four blank band cells are no bands: the indicator is then measured by its 指标值.
  function bandsOf(row) {
    const b = row.bands || {};
    return BANDS.some(([k]) => b[k] && b[k].trim() !== '')
      ? Object.fromEntries(BANDS.map(([k]) => [k, b[k] && b[k].trim() !== '' ? b[k] : null])) : null;
  }

  function bandCell(row, key, label, index) {
    const td = document.createElement('td');
    td.className = 'band';
    const input = document.createElement('input');
    input.value = row.bands && row.bands[key] != null ? row.bands[key] : '';
    input.dataset.key = 'band-' + key;
    input.setAttribute('aria-label', '第 ' + (index + 1) + ' 行 ' + label + '档');
    input.addEventListener('input', () => { row.bands = Object.assign({}, row.bands, {[key]: input.value}); schedule(); });
    td.appendChild(input);
    return td;
  }

  function cell(row, key, label, index) {
    const td = document.createElement('td');
    const input = document.createElement(key === 'description' ? 'textarea' : 'input');
    input.value = row[key] == null ? '' : row[key];
    input.dataset.key = key;
    input.setAttribute('aria-label', '第 ' + (index + 1) + ' 行 ' + label);
    if (key === 'description') { input.rows = 2; }
    input.addEventListener('input', () => { row[key] = input.value; schedule(); });
    td.appendChild(input);
    if (key === 'name') { suggest(row, input, td, index); }
    return td;
  }

  // 指标库 (docs/indicator-library.md): while the 三级 name is typed, entries of approved tables are offered;
  // picking one fills the name, 一级, 二级 and, where the value is still empty, the typical operator and unit.
  function suggest(row, input, td, index) {
    const list = document.createElement('ul');
    list.className = 'suggestions';
    list.hidden = true;
    list.setAttribute('aria-label', '第 ' + (index + 1) + ' 行 指标库建议');
    td.appendChild(list);
    let pending = null;
    let asked = 0;
    input.addEventListener('input', () => {
      clearTimeout(pending);
      const q = input.value.trim();
      if (!q) { list.hidden = true; return; }
      pending = setTimeout(async () => {
        const mine = ++asked;
        let entries = [];
        try {
          entries = await perf.api('GET', '/api/indicator-library?limit=8&q=' + encodeURIComponent(q));
        } catch (e) { entries = []; }
        if (mine !== asked) { return; }
        list.innerHTML = '';
        entries.forEach(e => {
          const li = document.createElement('li');
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'suggestion';
          b.textContent = (e.recommended ? '推荐 · ' : '') + e.name + '（' + [e.level2, (e.operator || '') + (e.unit || '')]
            .filter(x => x).join('，') + '；' + e.tables + ' 张表）';
          b.addEventListener('mousedown', ev => ev.preventDefault());
          b.addEventListener('click', () => pick(row, e));
          li.appendChild(b);
          list.appendChild(li);
        });
        list.hidden = entries.length === 0;
      }, 250);
    });
    input.addEventListener('blur', () => setTimeout(() => { list.hidden = true; }, 200));
  }

  function pick(row, entry) {
    row.name = entry.name;
    if (entry.level1 && LEVELS[entry.level1]) {
      row.level1 = entry.level1;
      row.level2 = entry.level2 || '';
    }
    if (!row.value || !row.value.trim()) {
      row.value = (entry.operator || '') + (entry.unit || '');
    }
    render();
    schedule();
  }

  function select(row, key, label, index, options) {
    const td = document.createElement('td');
    const s = document.createElement('select');
    s.dataset.key = key;
    s.setAttribute('aria-label', '第 ' + (index + 1) + ' 行 ' + label);
    const all = options.includes(row[key]) || !row[key] ? options : [row[key]].concat(options);
    [''].concat(all).forEach(o => {
      const option = document.createElement('option');
      option.value = o; option.textContent = o || '（请选择）';
      option.selected = o === (row[key] || '');
      s.appendChild(option);
    });
    s.addEventListener('change', () => {
      row[key] = s.value;
      if (key === 'level1') { row.level2 = ''; render(); }
      schedule();
    });
    td.appendChild(s);
    return td;
  }

  function button(text, label, action) {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = text; b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  }

  function render() {
    tbody.innerHTML = '';
    rows.forEach((row, i) => {
      const tr = document.createElement('tr');
      tr.dataset.index = i;
      const n = document.createElement('td'); n.textContent = i + 1; tr.appendChild(n);
      tr.appendChild(select(row, 'level1', '一级指标', i, Object.keys(LEVELS)));
      tr.appendChild(select(row, 'level2', '二级指标', i, LEVELS[row.level1] || []));
      tr.appendChild(cell(row, 'name', '三级指标', i));
      tr.appendChild(cell(row, 'description', '绩效指标描述', i));
      const value = cell(row, 'value', '指标值', i);
      value.classList.add('value');
      const parsed = document.createElement('small'); parsed.className = 'parsed'; value.appendChild(parsed);
      tr.appendChild(value);
      tr.appendChild(cell(row, 'basis', '指标值确定依据', i));
      tr.appendChild(cell(row, 'weight', '分值权重', i));
      BANDS.forEach(([key, label]) => tr.appendChild(bandCell(row, key, label, i)));
      const findings = document.createElement('td'); findings.className = 'row-findings'; tr.appendChild(findings);
      const ops = document.createElement('td'); ops.className = 'ops';
      ops.appendChild(button('↑', '第 ' + (i + 1) + ' 行上移', () => move(i, -1)));
      ops.appendChild(button('↓', '第 ' + (i + 1) + ' 行下移', () => move(i, 1)));
      ops.appendChild(button('删除', '删除第 ' + (i + 1) + ' 行', () => { rows.splice(i, 1); render(); schedule(); }));
      tr.appendChild(ops);
      tbody.appendChild(tr);
    });
  }

  function move(i, by) {
    const j = i + by;
    if (j < 0 || j >= rows.length) { return; }
    [rows[i], rows[j]] = [rows[j], rows[i]];
    render();
    schedule();
    tbody.querySelectorAll('tr')[j].querySelector('button').focus();
  }

  function schedule() {
    clearTimeout(timer);
    status.textContent = '正在检查…';
    timer = setTimeout(check, 350);
  }

  function describe(f) {
    return (f.severity === 'ERROR' ? '错误：' : '提示：') + f.message;
  }

  function list(target, findings) {
    target.innerHTML = '';
    findings.forEach(f => {
      const li = document.createElement('li');
      li.className = f.severity === 'ERROR' ? 'error' : 'warning';
      li.textContent = describe(f);
      target.appendChild(li);
    });
  }

  async function check() {
    const mine = ++sequence;
    try {
      const checked = await window.perf.api('POST', '/api/projects/' + id + '/check', form());
      if (mine !== sequence) { return; }
      const findings = checked.findings || [];
      tbody.querySelectorAll('tr').forEach((tr, i) => {
        const own = findings.filter(f => f.indicatorIndex === i);
        const ul = document.createElement('ul'); ul.className = 'findings';
        list(ul, own);
        const td = tr.querySelector('.row-findings'); td.innerHTML = ''; td.appendChild(ul);
        tr.classList.toggle('has-error', own.some(f => f.severity === 'ERROR'));
        tr.classList.toggle('has-warning', own.length > 0 && !own.some(f => f.severity === 'ERROR'));
        const v = checked.indicators[i] && checked.indicators[i].value;
        tr.querySelector('.parsed').textContent = v && v.kind ? ({QUANTITATIVE: '定量', DEADLINE: '时限',
          QUALITATIVE: '定性'}[v.kind] || v.kind) + (v.operator ? ' ' + v.operator : '')
          + (v.number != null ? ' ' + v.number : '') + (v.unit ? ' ' + v.unit : '') : '';
      });
      list(document.getElementById('editor-project-findings'), findings.filter(f => f.indicatorIndex == null));
      const errors = findings.filter(f => f.severity === 'ERROR').length;
      status.textContent = '检查完成：' + errors + ' 个错误，' + (findings.length - errors) + ' 个提示';
    } catch (e) {
      if (mine === sequence) { status.textContent = '无法检查：' + e.message; }
    }
  }

  function open() {
    field('name').value = table.name || '';
    field('budget').value = table.budget == null ? '' : table.budget;
    field('fiscalFunds').value = table.fiscalFunds == null ? '' : table.fiscalFunds;
    field('otherFunds').value = table.otherFunds == null ? '' : table.otherFunds;
    field('purpose').value = table.purpose || '';
    field('goal').value = table.goal || '';
    rows = (table.indicators || []).map(i => ({level1: i.level1 || '', level2: i.level2 || '', name: i.name || '',
      description: i.description || '', value: i.value ? i.value.text || '' : '', basis: i.basis || '',
      weight: i.weight == null ? '' : String(i.weight), bands: i.bands || null}));
    render();
    editor.hidden = false;
    editButton.hidden = true;
    document.getElementById('target-table').classList.add('is-editing');
    editor.querySelectorAll('input, textarea').forEach(input => {
      if (input.dataset.field) { input.addEventListener('input', schedule); }
    });
    check();
    field('name').focus();
    editor.scrollIntoView({block: 'start'});
  }

  editButton.addEventListener('click', open);
  document.getElementById('add-row').addEventListener('click', () => {
    rows.push({level1: '', level2: '', name: '', description: '', value: '', basis: '', weight: '', bands: null});
    render();
    schedule();
    tbody.lastElementChild.querySelector('select').focus();
  });
  document.getElementById('cancel-edit').addEventListener('click', () => window.location.reload());
  document.getElementById('save').addEventListener('click', async () => {
    const save = document.getElementById('save');
    save.disabled = true;
    status.textContent = '正在保存…';
    try {
      await window.perf.api('PUT', '/api/projects/' + id, form());
      window.location.reload();
    } catch (e) {
      status.textContent = '保存失败，未保存任何修改：' + e.message;
      save.disabled = false;
    }
  });
})();
