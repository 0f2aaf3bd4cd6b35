// One script for Admin, Cockpit and Tasklist (each config.js lists it as '../shared/perf-pages': the webapps import
// a custom script from app/<name>/ + path + '.js'). Links from the webapp's header to the app's own pages, and one
// login: the webapp's own login view gives way to the app's /login page (the webapps take the app's login through
// container-based authentication).
function toAppLogin() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login');
  }
}
window.addEventListener('hashchange', toAppLogin);
toAppLogin();

// The webapp that loaded this script names itself on its <base> element.
const app = document.querySelector('base').getAttribute('app-name');

export default app === 'tasklist' ? {
  id: 'perf.pages.links',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: node => {
    // One line in the header: the navbar lays its links out as blocks (see styles/user-styles.css).
    node.innerHTML = '<span class="perf-links">'
      + '<a href="/">我的待办</a><a href="/projects">项目列表</a><a href="/imports">导入</a>'
      + '<a href="/dashboard">监控看板</a></span>';
  }
} : {
  id: 'perf.pages.links',
  pluginPoint: app + '.navigation',
  priority: -100,
  properties: {label: '项目列表'},
  render: node => {
    node.innerHTML = '<a href="/projects">项目列表</a>';
  }
};
