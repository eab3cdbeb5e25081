// Umsetzungsmonitor: the implementation overview (/uebersicht) from Tasklist's header.
export default {
  id: 'umsetzungsuebersicht.navbar',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    node.innerHTML = '<a href="/uebersicht" id="umsetzungsuebersicht-link">Umsetzungsübersicht</a>';
  }
};
