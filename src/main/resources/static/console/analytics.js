// The analytics page's charts, drawn with ECharts from the figures the page embeds (#analytics-data). Every chart has
// a table of the same figures under it; without script the tables are the page. Severity series carry a pattern
// (decal) as well as a colour, so they stay apart without colour.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("analytics-data");
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    var ink = dark ? "#e6e9ed" : "#1b1f24";
    var severityColours = { CRITICAL: dark ? "#ff8a8a" : "#a4161a", HIGH: dark ? "#ffb86b" : "#8a4b00",
      MEDIUM: dark ? "#e8d37a" : "#6b5900", LOW: dark ? "#c3ccd5" : "#3d4852" };
    var base = {
      aria: { enabled: true, decal: { show: true } },
      textStyle: { color: ink },
      tooltip: { trigger: "axis" },
      legend: { textStyle: { color: ink } },
      grid: { left: 48, right: 16, bottom: 40, top: 40 }
    };
    var charts = [];
    function chart(id, option) {
      var el = document.getElementById(id);
      if (!el) { return; }
      var c = echarts.init(el, null, { renderer: "svg" });
      c.setOption(Object.assign({}, base, option));
      charts.push(c);
    }
    function times(id, median, p90) {
      chart(id, {
        xAxis: { type: "category", data: data.severities, axisLabel: { color: ink } },
        yAxis: { type: "value", name: "minutes", axisLabel: { color: ink } },
        series: [
          { name: "median", type: "bar", data: data.minutes[median] },
          { name: "p90", type: "bar", data: data.minutes[p90] }
        ]
      });
    }
    times("chart-tta", "ttaMedian", "ttaP90");
    times("chart-ttr", "ttrMedian", "ttrP90");
    chart("chart-weeks", {
      xAxis: { type: "category", data: data.weeks, axisLabel: { color: ink } },
      yAxis: { type: "value", name: "incidents", minInterval: 1, axisLabel: { color: ink } },
      series: Object.keys(data.perWeek).map(function (severity) {
        return { name: severity, type: "bar", stack: "severity", data: data.perWeek[severity],
          itemStyle: { color: severityColours[severity] } };
      })
    });
    chart("chart-items", {
      tooltip: { trigger: "item" },
      xAxis: { type: "category", data: data.actionItems.labels, axisLabel: { color: ink, interval: 0 } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: ink } },
      legend: { show: false },
      series: [{ name: "action items", type: "bar", data: data.actionItems.values, label: { show: true, position: "top" } }]
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
