// Draws the overview's charts from GET /api/plans/{id}/overview (the same numbers as the tables beside them).
// Loaded as a file (no inline script: the content security policy forbids it). A click on a heat-map cell opens the
// articles that cell counted.
(function () {
  'use strict';
  var nodes = document.querySelectorAll('[data-chart]');
  if (!nodes.length || typeof echarts === 'undefined') { return; }
  var src = nodes[0].getAttribute('data-src');
  fetch(src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(function (data) {
      nodes.forEach(function (node) {
        var kind = node.getAttribute('data-chart');
        var chart = echarts.init(node, null, { renderer: 'canvas' });
        chart.setOption(kind === 'heatmap' ? heatmap(data) : daily(data));
        if (kind === 'heatmap') {
          chart.on('click', function (p) { if (p.data && p.data.href) { window.location.assign(p.data.href); } });
        }
        node.setAttribute('data-ready', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
      });
    })
    .catch(function (e) { nodes.forEach(function (n) { n.textContent = 'Không tải được số liệu biểu đồ: ' + e.message; }); });

  function label(key) {
    if (key === 'window') { return 'Cả đợt'; }
    if (/^\d{4}-W\d{2}$/.test(key)) { return 'T' + key.slice(6) + '/' + key.slice(0, 4); }
    if (/^\d{4}-\d{2}$/.test(key)) { return key.slice(5) + '/' + key.slice(0, 4); }
    return key;
  }

  function heatmap(data) {
    var themes = data.themes.map(function (t) { return t.code; });
    var max = data.heat.reduce(function (m, c) { return Math.max(m, c.articles); }, 1);
    return {
      tooltip: { formatter: function (p) { return data.themes[p.data.value[1]].code + ' ' + data.themes[p.data.value[1]].title + '<br>' + label(data.periods[p.data.value[0]]) + ': ' + p.data.value[2] + ' bài'; } },
      grid: { left: 60, right: 16, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: data.periods.map(label), splitArea: { show: true } },
      yAxis: { type: 'category', data: themes, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eef5ff', '#0b5cad'] } },
      series: [{
        name: 'Số bài', type: 'heatmap', label: { show: true },
        data: data.heat.map(function (c) {
          return { value: [data.periods.indexOf(c.period), themes.indexOf(c.theme), c.articles], theme: c.theme, period: c.period, href: c.href };
        })
      }]
    };
  }

  function daily(data) {
    var days = Array.from(new Set(data.daily.map(function (d) { return d.day; }))).sort();
    var themes = Array.from(new Set(data.daily.map(function (d) { return d.theme; })));
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: days.map(function (d) { return d.slice(8) + '/' + d.slice(5, 7); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: themes.map(function (t) {
        return {
          name: t, type: 'bar', stack: 'bai',
          data: days.map(function (d) { var c = data.daily.find(function (x) { return x.day === d && x.theme === t; }); return c ? c.articles : 0; })
        };
      })
    };
  }
})();
