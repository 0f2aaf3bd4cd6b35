// 提交审核 on a department table's page: the stored table goes to finance (department-target-approval); a refusal
// (errors in the table, no longer in 编制) is shown as the server words it and nothing changes.
(function () {
  'use strict';
  const button = document.getElementById('submit');
  if (!button) { return; }
  const id = document.getElementById('main').dataset.tableId;
  const message = document.getElementById('action-message');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await window.perf.api('POST', '/api/department-targets/' + id + '/submit',
        {comment: document.getElementById('submit-comment').value});
      window.location.reload();
    } catch (e) {
      window.perf.show(message, '未能提交审核：' + e.message, 'error');
      button.disabled = false;
    }
  });
})();
