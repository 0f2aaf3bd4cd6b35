// Shared by the pages: calls to the app's API with the session's CSRF token, and Chinese error messages.
(function () {
  'use strict';
  function csrfHeaders() {
    const token = document.querySelector('meta[name=_csrf]');
    const header = document.querySelector('meta[name=_csrf_header]');
    return token && header ? {[header.content]: token.content} : {};
  }
  async function api(method, url, body) {
    const headers = Object.assign({'Accept': 'application/json'}, csrfHeaders());
    let payload = body;
    if (body !== undefined && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(url, {method, headers, body: payload, credentials: 'same-origin'});
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && data.message ? data.message : '请求失败（' + response.status + '）';
      const error = new Error(message);
      error.status = response.status;
      error.data = data;
      throw error;
    }
    return data;
  }
  function show(element, text, kind) {
    element.textContent = text;
    element.className = 'alert ' + (kind || 'info');
    element.hidden = false;
  }
  window.perf = {api, show, csrfHeaders};
})();
