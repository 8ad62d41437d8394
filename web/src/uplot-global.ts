// dist/uplot.js: uPlot as a classic script that app.js loads when it first makes a chart
// (web/src/views/uplot.ts).
import uPlot from 'uplot';

(self as unknown as { nnplayUplot: typeof uPlot }).nnplayUplot = uPlot;
