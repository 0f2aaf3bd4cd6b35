/*
 * 监控看板: fetches /api/monitoring with the browser's own login (same origin, credentials) and draws it with
 * Apache ECharts. Data only ever goes into the page as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  var COLORS = {RED: '#d9363e', YELLOW: '#f2b705', GREEN: '#3a9a48', BLUE: '#2f6fd6', NONE: '#a0a7b0'};
  var params = new URLSearchParams(window.location.search);
  var state = {year: params.get('year') || '', department: params.get('department') || '',
               project: params.get('project') || ''};
  var charts = {};
  // The project search: what the last answer offered, by the text the browser puts in the field.
  var matches = {};
  var searching = null;

  function projectLabel(p) {
    return p.name + '（' + p.lightLabel + '）' + (p.code ? ' ' + p.code : '');
  }

  function search(text) {
    var q = new URLSearchParams();
    q.set('year', state.year);
    if (state.department) { q.set('department', state.department); }
    q.set('q', text);
    q.set('size', '20');
    fetch('/api/monitoring/projects?' + q.toString(),
      {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (res) {
        if (!res.ok) { throw new Error('查找项目失败（HTTP ' + res.status + '）'); }
        return res.json();
      })
      .then(function (page) {
        var list = document.getElementById('projectMatches');
        list.textContent = '';
        matches = {};
        page.rows.forEach(function (p) {
          var label = projectLabel(p);
          matches[label] = p.id;
          list.appendChild(el('option', {value: label}));
        });
        if (page.total > page.rows.length) {
          status('找到 ' + page.total + ' 个项目，列出前 ' + page.rows.length + ' 个；输入更多字可缩小范围。');
        }
      })
      .catch(function (e) { status(e.message, true); });
  }

  function picked(value) {
    var text = value.trim();
    if (!text) {
      if (state.project) { state.project = ''; load(); }
      return;
    }
    if (matches[text] !== undefined) {
      state.project = String(matches[text]);
      load();
    }
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function fixed(v) {
    return v === null || v === undefined ? '—' : Number(v).toFixed(2);
  }

  function percent(v) {
    return v === null || v === undefined ? '—' : Number(v).toFixed(2) + '%';
  }

  function status(text, isError) {
    var s = document.getElementById('status');
    s.textContent = text;
    s.className = isError ? 'status error' : 'status';
  }

  function query() {
    var q = new URLSearchParams();
    if (state.year) { q.set('year', state.year); }
    if (state.department) { q.set('department', state.department); }
    if (state.project) { q.set('project', state.project); }
    return q;
  }

  function load() {
    status('正在加载监控数据…');
    var q = query();
    fetch('/api/monitoring?' + q.toString(), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (res) {
        if (res.status === 401) { throw new Error('登录已失效，请重新登录后刷新本页'); }
        return res.json().catch(function () { return null; }).then(function (body) {
          if (!res.ok) {
            throw new Error((body && body.message) || ('加载监控数据失败（HTTP ' + res.status + '）'));
          }
          return body;
        });
      })
      .then(function (data) {
        render(data);
        window.history.replaceState(null, '', '/dashboard' + (q.toString() ? '?' + q.toString() : ''));
      })
      .catch(function (e) { status(e.message, true); });
  }

  function options(select, items, selected, first) {
    select.textContent = '';
    if (first) { select.appendChild(el('option', {value: ''}, [first])); }
    items.forEach(function (it) {
      var o = el('option', {value: String(it.value)}, [it.label]);
      if (String(it.value) === String(selected)) { o.selected = true; }
      select.appendChild(o);
    });
  }

  function render(data) {
    state.year = String(data.year);
    var years = (data.years || []).slice();
    if (years.indexOf(data.year) < 0) { years.push(data.year); years.sort(); }
    options(document.getElementById('year'), years.map(function (y) { return {value: y, label: y + '年度'}; }),
      data.year);
    options(document.getElementById('department'), (data.departmentOptions || []).map(function (d) {
      return {value: d.code || '', label: (d.code ? d.code + ' ' : '') + d.name};
    }), data.department || '', '全部');
    var picker = document.getElementById('project');
    picker.value = data.project ? projectLabel(data.project) : '';
    matches = {};

    ['exportDepartment', 'exportEvaluations'].forEach(function (id) {
      document.getElementById(id).setAttribute('data-query', 'year=' + data.year + (data.department ?
        '&department=' + encodeURIComponent(data.department) : ''));
    });
    var one = document.getElementById('exportProject');
    one.hidden = !data.project;
    if (data.project) { one.href = '/api/projects/' + data.project.id + '/monitoring/export.xlsx'; }

    renderCounts(data);
    renderCurve(data.curve);
    renderRed(data.redProjects || [], data.total.red);
    loadGrades(data.year);
    loadDepartmentTables(data.year);
    var t = data.total;
    status(data.year + '年度：已批复项目 ' + t.total + ' 个，红灯 ' + t.red + '、黄灯 ' + t.yellow + '、绿灯 ' + t.green +
      '、蓝灯 ' + t.blue + '、未监控 ' + t.unmonitored + '。');
    document.body.setAttribute('data-loaded', 'true');
  }

  function countRow(c, isTotal) {
    return el('tr', {}, [
      el(isTotal ? 'td' : 'th', isTotal ? {} : {scope: 'row'}, [(c.code ? c.code + ' ' : '') + c.name]),
      el('td', {'class': 'num red'}, [c.red]), el('td', {'class': 'num yellow'}, [c.yellow]),
      el('td', {'class': 'num green'}, [c.green]), el('td', {'class': 'num blue'}, [c.blue]),
      el('td', {'class': 'num'}, [c.unmonitored]), el('td', {'class': 'num'}, [c.total])]);
  }

  function renderCounts(data) {
    var table = document.getElementById('counts');
    var body = table.tBodies[0];
    body.textContent = '';
    if (!data.departments.length) {
      body.appendChild(el('tr', {}, [el('td', {colspan: '7', 'class': 'empty'}, ['本年度没有已批复的项目'])]));
    }
    data.departments.forEach(function (c) { body.appendChild(countRow(c, false)); });
    table.tFoot.textContent = '';
    table.tFoot.appendChild(countRow(data.total, true));

    var names = data.departments.map(function (c) { return c.name; });
    var series = [['红灯', 'red', COLORS.RED], ['黄灯', 'yellow', COLORS.YELLOW], ['绿灯', 'green', COLORS.GREEN],
      ['蓝灯', 'blue', COLORS.BLUE], ['未监控', 'unmonitored', COLORS.NONE]].map(function (s) {
      return {name: s[0], type: 'bar', stack: '项目数', itemStyle: {color: s[2]}, barMaxWidth: 48,
        label: {show: true, formatter: function (p) { return p.value ? p.value : ''; }},
        data: data.departments.map(function (c) { return c[s[1]]; })};
    });
    chart('countsChart').setOption({
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0},
      grid: {left: 40, right: 16, top: 36, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, width: 140, overflow: 'break'}},
      yAxis: {type: 'value', name: '项目数', minInterval: 1},
      series: series
    }, true);
  }

  function renderCurve(curve) {
    var note = document.getElementById('curveNote');
    note.textContent = curve.title + '：预算 ' + fixed(curve.budget) + ' 万元，' + curve.projectCount + ' 个项目；' +
      (curve.asOfMonth ? '实际执行数截至 ' + curve.asOfMonth + ' 月。' : '尚无执行数。') +
      '计划为资金支出计划（无计划时为序时进度 月份/12）的累计百分比。';
    chart('curveChart').setOption({
      title: {text: curve.title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + '%'; }},
      legend: {top: 24},
      grid: {left: 50, right: 24, top: 64, bottom: 30},
      xAxis: {type: 'category', data: curve.months.map(function (m) { return m + '月'; })},
      yAxis: {type: 'value', name: '累计执行率（%）', min: 0, max: function (v) { return Math.max(100, Math.ceil(v.max / 10) * 10); }},
      series: [
        {name: '计划累计执行率', type: 'line', data: curve.planned, lineStyle: {type: 'dashed'},
          itemStyle: {color: '#7a869a'}, symbol: 'circle'},
        {name: '实际累计执行率', type: 'line', data: curve.actual, connectNulls: false, itemStyle: {color: '#1d4f91'},
          lineStyle: {width: 3}, symbol: 'circle', symbolSize: 7,
          label: {show: true, formatter: function (p) { return p.value === null ? '' : p.value + '%'; }}}
      ]
    }, true);
  }

  function renderRed(rows, total) {
    var body = document.querySelector('#redList tbody');
    body.textContent = '';
    document.getElementById('redNote').textContent = total > rows.length
      ? '共 ' + total + ' 个红灯项目，下表列出最落后的 ' + rows.length + ' 个；其余可在上方“执行进度曲线”中按名称查找。' : '';
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', {colspan: '10', 'class': 'empty'}, ['没有红灯项目'])]));
      return;
    }
    rows.forEach(function (r) {
      var reasons = r.reasons;
      var why = reasons ? el('span', {}, [reasons.month + '月底：' + [reasons.categories, reasons.text]
        .filter(function (x) { return x; }).join('；')]) : el('span', {'class': 'muted'}, ['尚未填报偏差说明']);
      body.appendChild(el('tr', {'data-project': String(r.id)}, [
        el('th', {scope: 'row'}, [r.name, el('div', {'class': 'muted'}, [r.source || ''])]),
        el('td', {}, [r.unit ? r.unit.name : '—']),
        el('td', {'class': 'num'}, [fixed(r.budget)]),
        el('td', {'class': 'num'}, [fixed(r.spent)]),
        el('td', {'class': 'num red'}, [percent(r.executionRate)]),
        el('td', {'class': 'num'}, [percent(r.plannedPercent)]),
        el('td', {'class': 'num'}, [percent(r.ratio)]),
        el('td', {}, [why]),
        el('td', {}, [reasons && reasons.measures ? reasons.measures : '—']),
        el('td', {}, [el('a', {href: '/api/projects/' + r.id + '/monitoring/export.xlsx'}, ['导出'])])
      ]));
    });
  }

  // The department's 监控表 (a sheet per table) and 自评汇总 are prepared in the background: ask (the link's
  // data-files), wait for the file, then fetch it.
  function exportFile(link) {
    var what = link.getAttribute('data-what');
    if (link.getAttribute('aria-busy') === 'true') { return; }
    link.setAttribute('aria-busy', 'true');
    status('正在生成' + what + '…');
    window.perf.api('POST', link.getAttribute('data-files') + '?' + link.getAttribute('data-query'))
      .then(function poll(file) {
        if (file.status === 'RUNNING') {
          return new Promise(function (resolve) { window.setTimeout(resolve, 1000); })
            .then(function () { return window.perf.api('GET', '/api/files/' + file.id); }).then(poll);
        }
        if (file.status !== 'DONE') { throw new Error(file.message || what + '生成失败'); }
        status(what + '已生成：' + file.fileName);
        window.location.href = file.content;
        return file;
      })
      .catch(function (e) { status(e.message, true); })
      .then(function () { link.removeAttribute('aria-busy'); });
  }

  // The year's self-evaluation grades per department (the same scope as the lights).
  function loadGrades(year) {
    fetch('/api/self-evaluations/grades?year=' + encodeURIComponent(year),
      {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(renderGrades)
      .catch(function () { renderGrades([]); });
  }

  function renderGrades(rows) {
    var body = document.querySelector('#grades tbody');
    body.textContent = '';
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', {colspan: '6', 'class': 'empty'}, ['本年度尚无自评结果'])]));
      return;
    }
    rows.forEach(function (g) {
      var counts = g.grades || {};
      body.appendChild(el('tr', {}, [
        el('th', {scope: 'row'}, [(g.departmentCode ? g.departmentCode + ' ' : '') + (g.departmentName || '')]),
        el('td', {'class': 'num'}, [counts['优'] || 0]), el('td', {'class': 'num'}, [counts['良'] || 0]),
        el('td', {'class': 'num'}, [counts['中'] || 0]), el('td', {'class': 'num red'}, [counts['差'] || 0]),
        el('td', {'class': 'num'}, [g.total])]));
    });
  }

  // 部门整体绩效目标 beside the projects: each approved department table's light and self-evaluation grade.
  function loadDepartmentTables(year) {
    fetch('/api/monitoring/department-tables?year=' + encodeURIComponent(year) +
      (state.department ? '&department=' + encodeURIComponent(state.department) : ''),
      {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (res) {
        if (!res.ok) { throw new Error('HTTP ' + res.status); }
        return res.json();
      })
      .then(renderDepartmentTables)
      .catch(function (e) { renderDepartmentTables(null, '部门整体绩效目标未能加载（' + e.message + '）'); });
  }

  function renderDepartmentTables(data, failure) {
    var body = document.querySelector('#departmentTables tbody');
    var foot = document.querySelector('#departmentTables tfoot');
    body.textContent = '';
    foot.textContent = '';
    if (!data || !data.tables.length) {
      body.appendChild(el('tr', {}, [el('td', {colspan: '7', 'class': 'empty'},
        [failure || '本年度没有已批复的部门整体绩效目标'])]));
      return;
    }
    data.tables.forEach(function (t) {
      body.appendChild(el('tr', {}, [
        el('th', {scope: 'row'}, [el('a', {href: '/departments/' + encodeURIComponent(t.departmentCode) + '/targets/' +
          data.year}, [t.departmentCode + ' ' + (t.departmentName || '')])]),
        el('td', {'class': t.light ? t.light : ''}, [t.lightLabel + (t.cutoffMonth ? '（1–' + t.cutoffMonth + '月）' : '')]),
        el('td', {'class': 'num red'}, [t.red]), el('td', {'class': 'num yellow'}, [t.yellow]),
        el('td', {'class': 'num green'}, [t.green]),
        el('td', {'class': 'num'}, [t.total == null ? '—' : fixed(t.total)]), el('td', {}, [t.grade || '未自评'])]));
    });
    var l = data.lights, g = data.grades;
    foot.appendChild(el('tr', {}, [el('th', {scope: 'row'}, ['合计 ' + l.total + ' 个']),
      el('td', {colspan: '4'}, ['红灯 ' + l.red + '、黄灯 ' + l.yellow + '、绿灯 ' + l.green + '、未监控 ' + l.unmonitored]),
      el('td', {colspan: '2'}, ['优 ' + g['优'] + '、良 ' + g['良'] + '、中 ' + g['中'] + '、差 ' + g['差'] + '、未自评 ' +
        g['未自评']])]));
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = window.echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
    }
    return charts[id];
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('year').addEventListener('change', function (e) {
      state.year = e.target.value; state.department = ''; state.project = ''; load();
    });
    document.getElementById('department').addEventListener('change', function (e) {
      state.department = e.target.value; state.project = ''; load();
    });
    var picker = document.getElementById('project');
    picker.addEventListener('input', function (e) {
      if (matches[e.target.value] !== undefined) { picked(e.target.value); return; }
      window.clearTimeout(searching);
      var text = e.target.value.trim();
      searching = window.setTimeout(function () { if (text) { search(text); } }, 250);
    });
    picker.addEventListener('change', function (e) { picked(e.target.value); });
    document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    ['exportDepartment', 'exportEvaluations'].forEach(function (id) {
      document.getElementById(id).addEventListener('click', function (e) {
        e.preventDefault();
        exportFile(e.currentTarget);
      });
    });
    if (!window.echarts) {
      status('图表库 ECharts 未能加载（/webjars/echarts/5.3.1/dist/echarts.min.js）', true);
      return;
    }
    load();
  });
}());
