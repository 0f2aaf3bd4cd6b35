// Links from Cockpit's header to the app's own pages; the webapp's login view gives way to the app's /login.
function toAppLogin() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login');
  }
}
window.addEventListener('hashchange', toAppLogin);
toAppLogin();

export default {
  id: 'perf.pages.links',
  pluginPoint: 'cockpit.navigation',
  priority: -100,
  properties: {label: '项目列表'},
  render: node => {
    node.innerHTML = '<a href="/projects">项目列表</a>';
  }
};
