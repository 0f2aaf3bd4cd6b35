// 上年项目 on the target table page (issue 19): which project of last year this one continues, linked by code, name
// or hand, and the indicators matched by hand where a 三级 name changed. Preparers of the unit and finance may link.
(function () {
  'use strict';
  const section = document.getElementById('previous-year');
  if (!section) {
    return;
  }
  const id = document.getElementById('main').dataset.projectId;
  const canLink = section.dataset.canLink === 'true';
  const table = JSON.parse(document.getElementById('table-data').textContent);
  const message = document.getElementById('previous-message');
  const linkText = document.getElementById('previous-link');
  const projectForm = document.getElementById('previous-form');
  const indicatorForm = document.getElementById('indicator-link-form');
  const links = document.querySelector('#indicator-links tbody');
  const names = document.getElementById('link-name');
  const previousNames = document.getElementById('previous-names');
  const HOW = {CODE: '按项目编码自动关联', NAME: '按单位和项目名称自动关联', HAND: '手工关联'};

  (table.indicators || []).forEach(i => {
    if (i.name) {
      names.append(new Option(i.name, i.name));
    }
  });

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    row.append(td);
    return td;
  }

  async function lastYearsNames(previous) {
    previousNames.replaceChildren();
    if (!previous) {
      return;
    }
    try {
      const last = await window.perf.api('GET', '/api/projects/' + previous.id);
      (last.indicators || []).forEach(i => previousNames.append(new Option(i.name)));
    } catch (e) {
      // last year's table is not the caller's to read: names are typed
    }
  }

  function render(view) {
    const p = view.previous;
    linkText.textContent = p
        ? p.year + ' 年度 “' + p.name + '”' + (p.code ? '（' + p.code + '）' : '') + ' · 项目编号 ' + p.id + ' · '
          + HOW[p.how] + (view.linkedBy ? '（' + view.linkedBy + '，' + view.linkedAt + '）' : '')
        : view.explicitlyNone ? '没有上年项目（' + view.linkedBy + '，' + view.linkedAt + ' 手工确认）'
        : '未找到上年项目：上年没有同编码、或同单位同名称的项目。';
    links.replaceChildren();
    (view.indicators || []).forEach(l => {
      const row = document.createElement('tr');
      cell(row, l.name);
      cell(row, l.previousName);
      cell(row, l.linkedBy);
      cell(row, l.linkedAt);
      const actions = cell(row, '');
      if (canLink) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '取消关联';
        remove.addEventListener('click', () => save('/previous/indicators', {name: l.name, previousName: null}));
        actions.append(remove);
      }
      links.append(row);
    });
    if (!view.indicators || view.indicators.length === 0) {
      const row = document.createElement('tr');
      cell(row, '没有手工关联的指标').colSpan = 5;
      links.append(row);
    }
    projectForm.hidden = !canLink;
    indicatorForm.hidden = !canLink || !p;
    lastYearsNames(p);
  }

  async function save(path, body) {
    try {
      render(await window.perf.api('PUT', '/api/projects/' + id + path, body));
      window.perf.show(message, '已保存。校验结果将按新的关联重新计算（刷新页面可见）。', 'info');
    } catch (e) {
      window.perf.show(message, e.message, 'error');
    }
  }

  projectForm.addEventListener('submit', event => {
    event.preventDefault();
    const value = document.getElementById('previous-id').value.trim();
    if (!/^\d+$/.test(value)) {
      window.perf.show(message, '上年项目编号应为数字（项目页面地址中的编号）', 'error');
      return;
    }
    save('/previous', {previousId: Number(value)});
  });
  document.getElementById('previous-none').addEventListener('click', () => save('/previous', {previousId: null}));
  indicatorForm.addEventListener('submit', event => {
    event.preventDefault();
    save('/previous/indicators', {name: names.value, previousName: document.getElementById('link-previous').value});
  });

  window.perf.api('GET', '/api/projects/' + id + '/previous').then(render)
      .catch(e => window.perf.show(message, e.message, 'error'));
})();
