// 指标库 page, finance's buttons: 推荐 and 合并 through the API (docs/indicator-library.md), then the page reloads.
(function () {
  'use strict';
  const status = document.getElementById('library-status');
  document.querySelectorAll('#indicators tr[data-key]').forEach(tr => {
    const key = tr.dataset.key;
    const recommend = tr.querySelector('button.recommend');
    const merge = tr.querySelector('button.merge');
    recommend.addEventListener('click', async () => {
      try {
        await perf.api('PUT', '/api/indicator-library/recommended',
          {key, recommended: recommend.dataset.recommended !== 'true'});
        location.reload();
      } catch (e) { perf.show(status, e.message, 'error'); }
    });
    merge.addEventListener('click', async () => {
      const into = prompt('把“' + key + '”合并到哪个指标？请输入目标指标名称');
      if (!into) { return; }
      try {
        await perf.api('POST', '/api/indicator-library/merge', {from: key, into});
        location.reload();
      } catch (e) { perf.show(status, e.message, 'error'); }
    });
  });
})();
