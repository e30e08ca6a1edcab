// Draws a theme's timeline (Chủ đề page) from the points the page wrote into #timeline's data-points: counted articles
// per day or ISO week across the theme's window. Loaded as a file (no inline script: the content security policy
// forbids it). A click on a point opens exactly the articles it counted (the same links as the table under the chart).
(function () {
  'use strict';
  var node = document.getElementById('timeline');
  if (!node || typeof echarts === 'undefined') { return; }
  var points = JSON.parse(node.getAttribute('data-points') || '[]');
  var weekly = node.getAttribute('data-step') === 'week';
  function label(p) {
    return weekly ? 'T' + p.key.slice(6) + '/' + p.key.slice(0, 4) : p.from.slice(8) + '/' + p.from.slice(5, 7);
  }
  var chart = echarts.init(node, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: {
      trigger: 'axis',
      formatter: function (items) {
        var p = points[items[0].dataIndex];
        var span = p.from === p.to ? p.from : p.from + ' – ' + p.to;
        return span + ': ' + p.articles + ' bài';
      }
    },
    grid: { left: 40, right: 16, top: 16, bottom: 30 },
    xAxis: { type: 'category', data: points.map(label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      name: 'Số bài', type: weekly ? 'bar' : 'line', symbolSize: 7, areaStyle: weekly ? undefined : { opacity: 0.15 },
      data: points.map(function (p) { return { value: p.articles, key: p.key, from: p.from, to: p.to, href: p.href }; })
    }]
  });
  chart.on('click', function (p) { if (p.data && p.data.href) { window.location.assign(p.data.href); } });
  node.setAttribute('data-ready', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
})();
