// The chart library as a classic script of its own (uplot.js, scripts/build-site.mjs), loaded by
// chart.js when it first draws a chart: a visit that shows no trend does not download it.
import uPlot from 'uplot';

globalThis.uPlot = uPlot;
