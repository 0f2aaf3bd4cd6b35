// A department's 自评表 on its page: 保存 sends the budget's figures, the goal's achievement and every line (PUT,
// with the version read); 提交财政审核 completes the 填报自评表 task, which the server refuses while anything is
// missing. Refusals are shown as the server words them.
(function () {
  'use strict';
  const main = document.getElementById('main');
  const save = document.getElementById('save-sheet');
  if (!save) { return; }
  const sheet = JSON.parse(document.getElementById('sheet-data').textContent);
  const message = document.getElementById('action-message');
  const url = '/api/department-targets/' + main.dataset.tableId + '/self-evaluation';
  function amount(name) {
    const v = document.querySelector('[data-field="' + name + '"]').value.trim();
    return v === '' ? null : v;
  }
  function body() {
    return {
      version: sheet.version,
      fullYearBudget: amount('fullYearBudget'),
      spent: amount('spent'),
      goalAchievement: document.querySelector('[data-field="goalAchievement"]').value,
      lines: Array.from(document.querySelectorAll('#self-evaluation-lines tbody tr')).map(row => {
        const line = {};
        row.querySelectorAll('[data-key]').forEach(f => { line[f.dataset.key] = f.value; });
        return line;
      })
    };
  }
  async function store() {
    const saved = await window.perf.api('PUT', url, body());
    sheet.version = saved.version; // a later 提交 or 保存 names the version this save made
  }
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      await store();
      window.location.reload();
    } catch (e) {
      window.perf.show(message, '保存失败，未保存任何修改：' + e.message, 'error');
      message.scrollIntoView({block: 'center'});
      save.disabled = false;
    }
  });
  const submit = document.getElementById('submit-sheet');
  if (submit) {
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      try {
        await store();
        await window.perf.api('POST', '/api/tasks/' + main.dataset.taskId + '/complete', {});
        window.location.reload();
      } catch (e) {
        window.perf.show(message, '未能提交：' + e.message, 'error');
        message.scrollIntoView({block: 'center'});
        submit.disabled = false;
      }
    });
  }
})();
