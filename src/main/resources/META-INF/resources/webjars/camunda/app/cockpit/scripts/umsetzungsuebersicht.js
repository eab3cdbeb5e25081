// Umsetzungsmonitor: the implementation overview (/uebersicht) from Cockpit's header and dashboard.
const OVERVIEW = '/uebersicht';

export default [
  {
    id: 'umsetzungsuebersicht.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: (node) => {
      node.innerHTML = '<a href="' + OVERVIEW + '" id="umsetzungsuebersicht-link">Umsetzungsübersicht</a>';
    },
    properties: { path: OVERVIEW }
  },
  {
    id: 'umsetzungsuebersicht.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      node.innerHTML = '<section class="dashboard-row"><h3 class="section-title">Umsetzungsübersicht</h3>'
        + '<p>Wo jede Maßnahme steht: Phase, Gespräch, Protokoll, Lieferungen und Überfälliges, mit Filtern und CSV-Export.</p>'
        + '<p><a href="' + OVERVIEW + '" class="btn btn-default">Umsetzungsübersicht öffnen</a></p></section>';
    }
  }
];
