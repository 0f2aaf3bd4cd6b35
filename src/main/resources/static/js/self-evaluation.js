// The 自评表 page: shows the reason field when 全年执行数 is changed, sends the whole report in one POST, and
// shows a refusal beside the form, marking the indicator it names.
(function () {
  'use strict';
  const print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', () => window.print());
  }
  const form = document.getElementById('evaluation-form');
  if (!form) {
    return;
  }
  const id = document.getElementById('main').dataset.projectId;
  const message = document.getElementById('form-message');
  const status = document.getElementById('submit-status');
  const spent = document.getElementById('spent');
  const reasonField = document.getElementById('spent-reason-field');
  const reason = document.getElementById('spent-reason');
  const rows = Array.from(form.querySelectorAll('#evaluation-rows tbody tr'));
  const number = v => {
    const t = (v || '').replace(/[,，\s]/g, '');
    return t === '' ? null : t;
  };
  const text = v => (v || '').trim() === '' ? null : v.trim();

  function spentChanged() {
    const recorded = spent.dataset.recorded;
    const now = number(spent.value);
    return recorded !== undefined && recorded !== '' && now !== null && Number(now) !== Number(recorded);
  }
  function toggleReason() {
    const changed = spentChanged();
    reasonField.hidden = !changed;
    reason.required = changed;
  }
  spent.addEventListener('input', toggleReason);
  toggleReason();

  function report() {
    return {
      spent: number(spent.value),
      spentReason: spentChanged() ? text(reason.value) : null,
      goalAchievement: text(document.getElementById('goal-achievement').value),
      indicators: rows.map(row => {
        const value = key => {
          const input = row.querySelector('[data-key=' + key + ']');
          return input ? input.value : '';
        };
        const line = {index: Number(row.dataset.index), explanation: text(value('explanation'))};
        switch (row.dataset.kind) {
          case 'QUANTITATIVE': line.number = number(value('number')); break;
          case 'DEADLINE': line.completedOn = text(value('completedOn')); break;
          case 'QUALITATIVE': line.tier = text(value('tier')); line.score = number(value('score')); break;
          default: line.text = text(value('text'));
        }
        return line;
      })
    };
  }

  // A refusal names an indicator as 第 N 个指标 or by its name in quotes: mark that row and move focus to it.
  function mark(text) {
    rows.forEach(r => { r.classList.remove('has-error'); r.removeAttribute('aria-invalid'); });
    const named = rows.filter(r => {
      const n = Number(r.dataset.index) + 1;
      return new RegExp('第 ' + n + ' 个指标(?!\\d)').test(text) || text.includes('“' + r.dataset.name + '”');
    });
    named.forEach(r => { r.classList.add('has-error'); r.setAttribute('aria-invalid', 'true'); });
    return named;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = document.getElementById('submit-evaluation');
    button.disabled = true;
    status.textContent = '正在提交…';
    try {
      await window.perf.api('POST', '/api/projects/' + id + '/self-evaluation', report());
      status.textContent = '已提交，正在显示评分结果…';
      window.location.reload();
    } catch (e) {
      status.textContent = '';
      window.perf.show(message, e.message, 'error');
      const named = mark(e.message);
      // A missing explanation is fixed in the explanation; anything else in the actual value.
      const field = e.message.includes('偏差原因') ? '[data-key=explanation]' : 'input, select';
      const focus = named.length ? named[0].querySelector(field) : message;
      if (focus === message) { message.tabIndex = -1; }
      focus.focus();
      button.disabled = false;
    }
  });
})();
