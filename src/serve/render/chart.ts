import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Charts drawn on the server as SVG with Apache ECharts' server-side rendering
 * (`renderToSVGString`, no DOM, no canvas, no client script), so a profile page is complete
 * HTML that works without JavaScript. Only the chart types used are loaded.
 *
 * Colours are set for light backgrounds; the stylesheet re-colours text and bars through CSS
 * (CSS beats SVG presentation attributes), which is how the charts follow dark mode.
 */

echarts.use([BarChart, GridComponent, SVGRenderer]);

/** One bar of the citations-per-year chart. */
export interface YearCount {
  year: number;
  citations: number;
}

/** Options for {@link citationsPerYearSvg}. */
export interface ChartOptions {
  /** Width of the SVG's coordinate system; the stylesheet scales it to the column. @default 640 */
  width?: number;
  /** @default 220 */
  height?: number;
  /** Extra class on the `<svg>` (besides `chart-svg`), e.g. to pick a size per screen width. */
  className?: string;
}

/** Bars get their value printed on top when each has at least this many units of width. */
const LABELLED_BAR_WIDTH = 40;

/**
 * A bar chart of citations per year, as an `<svg>` string marked `aria-hidden` (the view pairs
 * it with a data table for screen readers). Returns undefined for an empty series.
 */
export function citationsPerYearSvg(data: readonly YearCount[], options: ChartOptions = {}): string | undefined {
  if (data.length === 0) return undefined;
  const width = options.width ?? 640;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: options.height ?? 220 });
  try {
    chart.setOption(barOption(data, data.length * LABELLED_BAR_WIDTH <= width));
    return decorate(chart.renderToSVGString(), options.className);
  } finally {
    chart.dispose();
  }
}

function barOption(data: readonly YearCount[], valueLabels: boolean): echarts.EChartsCoreOption {
  const axisText = { color: '#5f6368', fontSize: 12, fontFamily: 'system-ui, sans-serif' };
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8 },
    xAxis: { type: 'category', data: data.map((d) => String(d.year)), axisTick: { show: false }, axisLabel: axisText, axisLine: { lineStyle: { color: 'rgba(128,128,128,0.6)' } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: 'rgba(128,128,128,0.25)' } } },
    series: [{
      type: 'bar',
      data: data.map((d) => d.citations),
      barMaxWidth: 36,
      itemStyle: { color: '#3b5bab', borderRadius: [3, 3, 0, 0] },
      label: { show: valueLabels, position: 'top', ...axisText },
    }],
  };
}

/**
 * Marks the root as decorative and scalable, and drops what only ECharts' client hydration
 * uses: `ecmeta_*` attributes, hover classes and their `<style>` (a pointer cursor on a static
 * chart would promise interaction that is not there). The output is then the same on every call.
 */
function decorate(svg: string, className?: string): string {
  const classes = className ? `chart-svg ${className.replace(/[^\w -]/g, '')}` : 'chart-svg';
  return svg
    .replace(/^<svg /, `<svg class="${classes}" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet" `)
    .replace(/ (?:width|height)="\d+"(?=[^>]*viewBox)/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '');
}
