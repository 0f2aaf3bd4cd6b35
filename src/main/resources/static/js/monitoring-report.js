// The 监控表 page: the unit's whole report goes in one POST to the monitoring API (all or nothing); a refusal is
// shown beside the form and the indicators it names are marked.
(function () {
  'use strict';
  const main = document.getElementById('main');
  const print = document.getElementById('print');
  if (print) {
    print.addEventListener('click', () => window.print());
  }
  const form = document.getElementById('report-form');
  if (!form) {
    return;
  }
  const adjusted = document.getElementById('m-adjusted');
  const spent = document.getElementById('m-spent');
  const rate = document.getElementById('m-rate');
  function number(input) {
    const t = input.value.trim().replace(/,/g, '');
    return t === '' ? null : (isNaN(Number(t)) ? t : Number(t));
  }
  function showRate() {
    const a = number(adjusted), s = number(spent);
    rate.textContent = typeof a === 'number' && typeof s === 'number' && a > 0 ? (s / a * 100).toFixed(2) : '—';
  }
  adjusted.addEventListener('input', showRate);
  spent.addEventListener('input', showRate);
  showRate();
  if (form.dataset.readonly === 'true') {
    return;
  }
  const message = document.getElementById('report-message');
  const status = document.getElementById('report-status');
  const button = document.getElementById('report-submit');

  function text(row, field) {
    const el = row.querySelector('[data-field=' + field + ']');
    return el && el.value.trim() !== '' ? el.value.trim() : null;
  }
  function body() {
    const b = {adjustedBudget: number(adjusted), spent: number(spent),
      forecastSpent: number(document.getElementById('m-forecast')), indicators: []};
    if (main.dataset.roundId) {
      b.roundId = Number(main.dataset.roundId);
    }
    form.querySelectorAll('#report-rows tbody tr').forEach(row => {
      const r = {index: Number(row.dataset.index)};
      const kind = row.dataset.kind;
      if (kind === 'QUANTITATIVE') {
        r.valueSoFar = number(row.querySelector('[data-field=valueSoFar]'));
      } else if (kind === 'QUALITATIVE') {
        r.achievement = text(row, 'achievement');
      } else if (kind === 'DEADLINE') {
        r.done = row.querySelector('[data-field=done]').checked;
      }
      r.forecast = text(row, 'forecast');
      r.deviationReasons = Array.from(row.querySelectorAll('[data-field=deviationReasons]:checked')).map(c => c.value);
      r.deviationText = text(row, 'deviationText');
      const likely = row.querySelector('[data-field=likelihood]:checked');
      r.likelihood = likely ? likely.value : null;
      r.measures = text(row, 'measures');
      r.remarks = text(row, 'remarks');
      b.indicators.push(r);
    });
    return b;
  }
  function mark(error) {
    form.querySelectorAll('#report-rows tbody tr').forEach(row => {
      row.classList.remove('has-error');
      row.removeAttribute('aria-invalid');
    });
    if (!error) {
      return;
    }
    // The API names an indicator as “第 N 个指标“…”：”.
    let first = null;
    for (const m of error.matchAll(/第 (\d+) 个指标/g)) {
      const row = form.querySelector('#report-rows tbody tr[data-index="' + (Number(m[1]) - 1) + '"]');
      if (row) {
        row.classList.add('has-error');
        row.setAttribute('aria-invalid', 'true');
        first = first || row;
      }
    }
    return first;
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.hidden = true;
    mark(null);
    button.disabled = true;
    status.textContent = '正在提交…';
    let numbersOk = true;
    [adjusted, spent, document.getElementById('m-forecast')].forEach(i => {
      if (typeof number(i) === 'string') { numbersOk = false; }
    });
    form.querySelectorAll('[data-field=valueSoFar]').forEach(i => {
      if (typeof number(i) === 'string') { numbersOk = false; }
    });
    try {
      if (!numbersOk) {
        throw new Error('监控表未保存：金额和完成值须为数字');
      }
      await window.perf.api('POST', '/api/projects/' + main.dataset.projectId + '/monitoring-report', body());
      status.textContent = '已提交';
      // The stored report with its lights is rendered by the page.
      window.location.reload();
    } catch (e) {
      status.textContent = '';
      button.disabled = false;
      window.perf.show(message, e.message, 'error');
      const row = mark(e.message);
      message.focus && message.setAttribute('tabindex', '-1');
      message.focus();
      if (row) {
        row.scrollIntoView({block: 'center'});
      }
    }
  });
})();
