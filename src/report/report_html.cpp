// report.html: one self-contained file. Chart.js (Debian's libjs-chart.js) is inlined with the
// data, so the report opens from a USB stick on a machine with no network; a Content Security
// Policy forbids every load from outside the file.
#include "report/report_html.h"

#include <fstream>
#include <sstream>

#include <ssproj/error.h>

#include "report/json.h"

namespace ssproj::report {
namespace {

const char* kind_name(ChartKind k) {
  switch (k) {
    case ChartKind::kLine:
      return "line";
    case ChartKind::kStackedArea:
      return "area";
    case ChartKind::kBar:
      return "bar";
    case ChartKind::kPyramid:
      return "pyramid";
    case ChartKind::kTornado:
      return "tornado";
  }
  return "line";
}

std::string chart_json(const ChartSpec& c) {
  std::string j = "{\"id\":" + json_string(c.id) + ",\"kind\":" + json_string(kind_name(c.kind)) +
                  ",\"x\":" + json_string(c.x_title) + ",\"y\":" + json_string(c.y_title) +
                  ",\"labels\":" + json_strings(c.labels) + ",\"series\":[";
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const SeriesSpec& s = c.series[i];
    j += (i ? "," : "") + std::string("{\"label\":") + json_string(s.label) +
         ",\"y\":" + json_numbers(s.y);
    if (!s.lo.empty()) j += ",\"lo\":" + json_numbers(s.lo) + ",\"hi\":" + json_numbers(s.hi);
    if (s.dashed) j += ",\"dashed\":true";
    j += "}";
  }
  return j + "]}";
}

// The script that turns the chart specifications into Chart.js charts, then checks that each
// canvas was drawn and records any error: the tests read data-report-status.
constexpr const char* kDrawScript = R"JS(
(function () {
  const errors = [];
  window.addEventListener('error', e => errors.push(String(e.message)));
  document.addEventListener('securitypolicyviolation', e => errors.push('blocked: ' + e.blockedURI));
  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2',
                   '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];
  const fade = (hex, a) => hex + Math.round(a * 255).toString(16).padStart(2, '0');
  const compact = new Intl.NumberFormat('en', {notation: 'compact', maximumFractionDigits: 2});
  const tick = v => compact.format(v);
  const specs = JSON.parse(document.getElementById('report-data').textContent);
  let drawn = 0;
  for (const spec of specs) {
    const canvas = document.getElementById(spec.id);
    const datasets = [];
    const kind = spec.kind;
    spec.series.forEach((s, i) => {
      const color = palette[i % palette.length];
      if (kind === 'pyramid') {
        datasets.push({label: s.label, data: s.y.map(v => i === 0 ? -v : v), backgroundColor: color});
      } else if (kind === 'tornado') {
        datasets.push({label: s.label, data: s.y.map(v => [0, v]), backgroundColor: fade(color, 0.75),
                       grouped: false, barPercentage: i === 0 ? 0.9 : 0.6});
      } else if (kind === 'bar') {
        datasets.push({label: s.label, data: s.y, backgroundColor: color});
      } else {
        datasets.push({label: s.label, data: s.y, borderColor: color, backgroundColor: fade(color, kind === 'area' ? 0.6 : 0.2),
                       borderDash: s.dashed ? [6, 4] : [], pointRadius: 0, borderWidth: 2,
                       fill: kind === 'area' ? (i === 0 ? 'origin' : '-1') : false, spanGaps: false});
        if (s.lo && kind === 'line') {
          datasets.push({label: s.label + ' 95%', data: s.hi, borderWidth: 0, pointRadius: 0, fill: false, bandOf: s.label});
          datasets.push({label: s.label + ' 5%', data: s.lo, borderWidth: 0, pointRadius: 0,
                         backgroundColor: fade(color, 0.2), fill: '-1', bandOf: s.label});
        }
      }
    });
    const horizontal = kind === 'pyramid' || kind === 'tornado';
    const valueAxis = {title: {display: true, text: horizontal ? spec.x : spec.y},
                       ticks: {callback: v => tick(kind === 'pyramid' ? Math.abs(v) : v)},
                       stacked: kind === 'area' || kind === 'pyramid',
                       beginAtZero: kind !== 'line'};
    const labelAxis = {title: {display: !horizontal, text: spec.x}, stacked: kind === 'pyramid',
                       ticks: {autoSkip: true, maxRotation: 0}};
    new Chart(canvas, {
      type: kind === 'line' || kind === 'area' ? 'line' : 'bar',
      data: {labels: spec.labels, datasets: datasets},
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        interaction: {mode: 'index', intersect: false},
        scales: horizontal ? {x: valueAxis, y: labelAxis} : {x: labelAxis, y: valueAxis},
        plugins: {
          legend: {labels: {filter: item => !datasets[item.datasetIndex].bandOf}},
          tooltip: {callbacks: {label: ctx => {
            const v = ctx.raw;
            const shown = Array.isArray(v) ? v[1] : (kind === 'pyramid' ? Math.abs(v) : v);
            return ctx.dataset.label + ': ' + (shown === null ? 'not defined' : shown.toLocaleString('en', {maximumFractionDigits: 2}));
          }}}
        }
      }
    });
    const context = canvas.getContext('2d');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let k = 3; k < pixels.length; k += 4) if (pixels[k] !== 0) painted++;
    canvas.dataset.paintedPixels = painted;
    if (painted > 0) drawn++;
    else errors.push('chart ' + spec.id + ' is blank');
  }
  const status = {charts: specs.length, drawn: drawn, errors: errors};
  document.documentElement.setAttribute('data-report-status', JSON.stringify(status));
  if (errors.length) console.error('report: ' + errors.join('; '));
})();
)JS";

constexpr const char* kStyle = R"CSS(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #1f77b4; padding-bottom: 0.2em; margin-top: 2em; }
.facts { color: #555; font-size: 0.9em; }
.summary p { font-size: 1.1em; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1.5em; }
figure { margin: 0; border: 1px solid #ddd; border-radius: 6px; padding: 0.8em; break-inside: avoid; }
figure h3 { margin: 0 0 0.4em 0; font-size: 1em; }
.chart { position: relative; height: 320px; }
figcaption { font-size: 0.85em; color: #555; margin-top: 0.4em; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.8em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.num { text-align: right; white-space: nowrap; }
.wide { overflow-x: auto; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.8em; }
.note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 0.4em 0.8em; }
@media print { .grid { display: block; } figure { margin-bottom: 1em; } }
)CSS";

std::string read_library(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw IoError("cannot read the chart library " + file.string() +
                  " (Debian package libjs-chart.js; .ci/install-deps installs it)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string js = text.str();
  // Inside <script>, "</script" would end the element early.
  for (std::size_t at = js.find("</script"); at != std::string::npos;
       at = js.find("</script", at)) {
    js.replace(at, 2, "<\\/");
  }
  return js;
}

}  // namespace

std::string report_html(const ReportContent& c, const std::filesystem::path& chart_library) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
       "'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + html_escape(c.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n";
  h += "<body>\n<h1>" + html_escape(c.title) + "</h1>\n";
  for (const std::string& f : c.facts) h += "<p class=\"facts\">" + html_escape(f) + "</p>\n";
  h += "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n";
  for (const std::string& s : c.summary) h += "<p>" + html_escape(s) + "</p>\n";
  for (const std::string& n : c.notes) h += "<p class=\"note\">" + html_escape(n) + "</p>\n";
  h += "<p>Ranges in brackets are the 5% and 95% quantiles across replications: the sampling "
       "noise of the simulation, not the uncertainty of the assumptions.</p>\n";
  for (const TextTable& t : c.tables) {
    h += "<h3>" + html_escape(t.title) + "</h3>\n<div class=\"wide\"><table>\n<tr>";
    for (const std::string& x : t.header) h += "<th>" + html_escape(x) + "</th>";
    h += "</tr>\n";
    for (const auto& row : t.rows) {
      h += "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        h += std::string(i < 1 ? "<td>" : "<td class=\"num\">") + html_escape(row[i]) + "</td>";
      }
      h += "</tr>\n";
    }
    h += "</table></div>\n";
  }
  h += "</section>\n";

  h += "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"grid\">\n";
  for (const ChartSpec& ch : c.charts) {
    h += "<figure><h3>" + html_escape(ch.title) + "</h3><div class=\"chart\"><canvas id=\"" +
         html_escape(ch.id) + "\" role=\"img\" aria-label=\"" + html_escape(ch.title) +
         "\"></canvas></div><figcaption>" + html_escape(ch.caption) + "</figcaption></figure>\n";
  }
  h += "</div>\n</section>\n";
  h += "<section id=\"figures\">\n<h2>Key "
       "figures</h2>\n<table>\n<tr><th>figure</th><th>scenario</th><th>year</th>"
       "<th>value</th><th>unit</th></tr>\n";
  for (const KeyFigure& f : c.figures) {
    h += "<tr><td>" + html_escape(f.label) + "</td><td>" + html_escape(f.scenario) +
         "</td><td class=\"num\">" + (f.year ? std::to_string(f.year) : std::string("projection")) +
         "</td><td class=\"num\">" + html_escape(figure_text(f)) + "</td><td>" +
         html_escape(f.unit) + "</td></tr>\n";
  }
  h += "</table>\n</section>\n";
  h += "<section id=\"assumptions\">\n<h2>Assumptions</h2>\n<p>Every input flagged ASSUMPTION "
       "in the scenario files, with the reasoning and the sources written beside it.</p>\n";
  if (c.assumptions.empty()) {
    h += "<p>No ASSUMPTION comments were found.</p>\n";
  } else {
    h += "<table>\n<tr><th>key</th><th>reasoning and source</th><th>where</th></tr>\n";
    for (const Assumption& a : c.assumptions) {
      h += "<tr><td>" + html_escape(a.key) + "</td><td>" + html_escape(a.text) + "</td><td>" +
           html_escape(a.file) + ":" + std::to_string(a.line) + "</td></tr>\n";
    }
    h += "</table>\n";
  }
  h += "</section>\n<section id=\"provenance\">\n<h2>Provenance</h2>\n";
  for (const auto& [name, manifest] : c.manifests) {
    h += "<h3>manifest.json of " + html_escape(name) + "</h3>\n<pre>" + html_escape(manifest) +
         "</pre>\n";
  }
  h += "</section>\n";
  h += "<script>\n" + read_library(chart_library) + "\n</script>\n";
  std::string data = "[";
  for (std::size_t i = 0; i < c.charts.size(); ++i)
    data += (i ? ",\n" : "\n") + chart_json(c.charts[i]);
  data += "\n]";
  // Inside <script>, "</" could end the element early; "<\/" is the same JSON.
  for (std::size_t at = data.find("</"); at != std::string::npos; at = data.find("</", at)) {
    data.replace(at, 2, "<\\/");
  }
  h += "<script id=\"report-data\" type=\"application/json\">" + data + "</script>\n";
  h += "<script>" + std::string(kDrawScript) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace ssproj::report
