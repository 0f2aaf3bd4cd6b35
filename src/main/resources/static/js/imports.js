// The import page: preview (dry run) of every table and problem, confirm, then progress polled from the server.
(function () {
  'use strict';
  const formEl = document.getElementById('import-form');
  const fileInput = document.getElementById('file');
  const yearInput = document.getElementById('year');
  const approvedInput = document.getElementById('approved'); // only on finance's page
  const departmentInput = document.getElementById('department'); // only on finance's page
  const message = document.getElementById('import-message');
  const preview = document.getElementById('preview-result');
  const progressSection = document.getElementById('progress-section');
  const bar = document.getElementById('progress');
  const progressText = document.getElementById('progress-text');
  const SEVERITY = {ERROR: '错误', WARNING: '提示'};

  function data() {
    const fd = new FormData();
    fd.append('file', fileInput.files[0]);
    fd.append('year', yearInput.value);
    if (approved()) {
      fd.append('approved', 'true');
    }
    if (departmentInput != null && departmentInput.value.trim()) {
      fd.append('department', departmentInput.value.trim());
    }
    return fd;
  }

  function approved() {
    return approvedInput != null && approvedInput.checked;
  }

  // Amounts as documents print them: 835 → 835.00, 174.16 stays, 0.125 keeps its third decimal.
  function amount(v) {
    if (v == null) { return ''; }
    const decimals = (String(v).split('.')[1] || '').length;
    return Number(v).toFixed(Math.max(2, decimals));
  }

  function td(tr, text, cls) {
    const c = document.createElement('td');
    c.textContent = text == null ? '' : text;
    if (cls) { c.className = cls; }
    tr.appendChild(c);
  }

  // A file may hold a department's own targets (部门整体绩效目标) beside or instead of project tables.
  let previewedDepartments = [];

  function departments(list) {
    previewedDepartments = list || [];
    const section = document.getElementById('preview-departments');
    const body = section.querySelector('tbody');
    body.innerHTML = '';
    (list || []).forEach(d => {
      const tr = document.createElement('tr');
      td(tr, (d.departmentCode || '') + ' ' + (d.departmentName || '')); td(tr, d.year, 'num');
      td(tr, d.activityCount, 'num'); td(tr, d.indicatorCount, 'num'); td(tr, d.errors, 'num'); td(tr, d.warnings, 'num');
      if (d.errors > 0) { tr.className = 'has-error'; }
      body.appendChild(tr);
    });
    section.hidden = !(list && list.length);
  }

  function problems(list) {
    const body = document.querySelector('#preview-problems tbody');
    body.innerHTML = '';
    (list || []).forEach(p => {
      const tr = document.createElement('tr');
      tr.className = p.severity === 'ERROR' ? 'has-error' : 'has-warning';
      td(tr, SEVERITY[p.severity] || p.severity); td(tr, p.location); td(tr, p.message);
      body.appendChild(tr);
    });
  }

  formEl.addEventListener('submit', async event => {
    event.preventDefault();
    message.hidden = true;
    preview.hidden = true;
    progressSection.hidden = true;
    if (!fileInput.files.length) {
      window.perf.show(message, '请选择要导入的文件', 'error');
      return;
    }
    const button = document.getElementById('preview');
    button.disabled = true;
    window.perf.show(message, '正在读取文件并校验，请稍候…', 'info');
    try {
      const result = await window.perf.api('POST', '/api/imports?dryRun=true', data());
      message.hidden = true;
      const errors = result.problems.filter(p => p.severity === 'ERROR').length;
      const deptCount = (result.departmentTables || []).length;
      document.getElementById('preview-summary').textContent = (deptCount ? '部门整体绩效目标 ' + deptCount + ' 张；' : '')
        + '共 ' + result.tableCount + ' 张目标表、'
        + result.indicatorCount + ' 个指标；发现 ' + result.problems.length + ' 个问题（' + errors + ' 个错误，'
        + (result.problems.length - errors) + ' 个提示）。' + (approved()
          ? '按已批复导入：每张表导入后即为批复第 1 版，问题只记录不退回，文件留作批复依据。'
          : '有错误的表也会导入为草稿，导入后在项目页面修改。');
      const body = document.querySelector('#preview-tables tbody');
      body.innerHTML = '';
      result.projects.forEach((p, i) => {
        const tr = document.createElement('tr');
        td(tr, i + 1); td(tr, p.name); td(tr, p.unit ? (p.unit.code || '') + ' ' + p.unit.name : '');
        td(tr, amount(p.budget), 'num'); td(tr, p.indicatorCount, 'num'); td(tr, p.errors, 'num'); td(tr, p.warnings, 'num');
        if (p.errors > 0) { tr.className = 'has-error'; }
        body.appendChild(tr);
      });
      departments(result.departmentTables);
      problems(result.problems);
      preview.hidden = false;
      document.getElementById('confirm').disabled = false;
      document.getElementById('preview-summary').focus();
    } catch (e) {
      window.perf.show(message, e.message, 'error');
      if (e.data && e.data.problems) {
        document.querySelector('#preview-tables tbody').innerHTML = '';
        document.getElementById('preview-summary').textContent = '文件无法导入，未保存任何内容：';
        problems(e.data.problems);
        document.getElementById('confirm').disabled = true;
        preview.hidden = false;
      }
    } finally {
      button.disabled = false;
    }
  });

  async function download(url, body, name) {
    const response = await fetch(url, {method: body ? 'POST' : 'GET', body, credentials: 'same-origin',
      headers: window.perf.csrfHeaders()});
    if (!response.ok) {
      throw new Error('错误报告生成失败（' + response.status + '）');
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  document.getElementById('preview-report').addEventListener('click', () =>
    download('/api/imports/error-report', data(), '错误报告.xlsx').catch(e => window.perf.show(message, e.message, 'error')));

  document.getElementById('confirm').addEventListener('click', async () => {
    const confirm = document.getElementById('confirm');
    confirm.disabled = true;
    progressSection.hidden = false;
    bar.value = 0;
    progressText.textContent = '正在上传…';
    try {
      const job = await window.perf.api('POST', '/api/import-jobs', data());
      poll(job.id);
    } catch (e) {
      progressText.textContent = '导入失败：' + e.message;
      confirm.disabled = false;
    }
  });

  async function poll(jobId) {
    let job;
    try {
      job = await window.perf.api('GET', '/api/import-jobs/' + jobId);
    } catch (e) {
      progressText.textContent = '无法读取进度：' + e.message;
      return;
    }
    const total = job.tablesTotal || 0;
    bar.max = Math.max(total, 1);
    bar.value = job.tablesDone;
    if (job.status === 'RUNNING') {
      progressText.textContent = total ? '已导入 ' + job.tablesDone + ' / ' + total + ' 张表…' : '正在读取文件…';
      setTimeout(() => poll(jobId), 500);
      return;
    }
    if (job.status === 'DONE') {
      bar.value = bar.max;
      const batch = job.importId || job.duplicateOf;
      progressText.textContent = job.duplicateOf
        ? '未重复导入：' + (job.message || '该文件已导入过')
        : '导入完成：' + job.tablesDone + ' / ' + total + ' 张表' + (approved() ? '，均已按已批复导入为第 1 版。' : '。');
      progressText.className = job.duplicateOf ? 'alert warning' : 'alert info';
      const report = document.getElementById('error-report');
      report.href = '/api/imports/' + batch + '/error-report';
      // Each department table imported has its own page, where it is edited while drafted.
      const links = document.getElementById('to-departments');
      links.innerHTML = '';
      if (!job.duplicateOf) {
        previewedDepartments.filter(d => d.departmentCode && d.year).forEach(d => {
          links.appendChild(document.createTextNode(' · '));
          const a = document.createElement('a');
          a.href = '/departments/' + encodeURIComponent(d.departmentCode) + '/targets/' + d.year;
          a.className = 'to-department-table';
          a.textContent = '打开部门整体绩效目标（' + d.departmentCode + ' ' + d.year + '年）';
          links.appendChild(a);
        });
      }
      document.getElementById('done-links').hidden = false;
      return;
    }
    progressText.textContent = '导入失败，未保存任何内容：' + (job.message || '');
    progressText.className = 'alert error';
    document.getElementById('confirm').disabled = false;
  }
})();
