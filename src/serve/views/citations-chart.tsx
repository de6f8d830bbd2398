import { raw } from 'hono/html';
import { citationsPerYearSvg, type YearCount } from '../render/chart.js';

/**
 * The citations-per-year chart of a profile: a server-drawn SVG (decorative to assistive
 * technology) paired with the same numbers as a visually hidden table, and a caption. Two
 * SVGs are drawn, wide and narrow, and the stylesheet shows one per screen width, so axis
 * text stays readable on a phone without any script measuring the screen.
 */
export function CitationsChart(props: { data: readonly YearCount[]; name: string }) {
  const wide = citationsPerYearSvg(props.data, { width: 640, height: 220, className: 'wide' });
  const narrow = citationsPerYearSvg(props.data, { width: 340, height: 200, className: 'narrow' });
  if (!wide || !narrow) return <p class="empty">No citations recorded in this index yet.</p>;
  const total = props.data.reduce((sum, d) => sum + d.citations, 0);
  const first = props.data[0]!.year;
  const last = props.data[props.data.length - 1]!.year;
  return (
    <figure class="chart">
      {raw(wide)}
      {raw(narrow)}
      <figcaption>{total.toLocaleString('en-US')} citations of {props.name}'s papers, {first === last ? first : `${first}–${last}`}, by year of the citing paper.</figcaption>
      <table class="visually-hidden">
        <caption>Citations per year</caption>
        <thead><tr><th scope="col">Year</th><th scope="col">Citations</th></tr></thead>
        <tbody>{props.data.map((d) => <tr><td>{d.year}</td><td>{d.citations}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
