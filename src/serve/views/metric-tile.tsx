import type { AuthorMetrics, MetricValue } from '../../services/read-models.js';
import { metricDefinition, type MetricId } from './metric-definitions.js';

/**
 * Metric tiles: a label, the value (or "—" and the reason there is none), and the metric's
 * one-line definition in a tooltip. The label is focusable and names the tooltip with
 * `aria-describedby`, so the definition appears on hover and on keyboard focus (pure CSS)
 * and screen readers announce it; the tooltip text is always in the page.
 */

/** Props of {@link MetricTile}. */
export interface MetricTileProps {
  metric: MetricId;
  value: MetricValue;
  /** Prefix for element ids, unique within the page. @default 'metric' */
  idPrefix?: string;
  /** The page listing what the number counts. */
  href?: string;
}

/** One tile, as a `<div>` of a `<dl class="tiles">`. */
export function MetricTile(props: MetricTileProps) {
  const def = metricDefinition(props.metric);
  const tipId = `${props.idPrefix ?? 'metric'}-${props.metric}-def`;
  const { value } = props;
  return (
    <div class="tile">
      <dt>
        <span class="tile-label" tabindex={0} aria-describedby={tipId}>{def.label}</span>
        <span class="tip" role="tooltip" id={tipId}>{def.short}</span>
      </dt>
      {value.value === null
        ? <>
            <dd class="tile-value"><span aria-hidden="true">—</span><span class="visually-hidden">no value</span></dd>
            <dd class="tile-reason">{value.reason}</dd>
          </>
        : <dd class="tile-value">{value.display}</dd>}
      {props.href ? <dd class="tile-trace"><a href={props.href}>{TRACE_LABELS[props.metric] ?? 'what it counts'}</a></dd> : null}
      {value.source ? <dd class="tile-source muted">{value.source}{value.asOf ? ` · ${value.asOf}` : ''}</dd> : null}
    </div>
  );
}

/** The words of each tile's link to what it counts. */
const TRACE_LABELS: Partial<Record<MetricId, string>> = {
  papers: 'the papers', citations: 'the citing papers', hIndex: 'the h-core', i10Index: 'the i10 papers', h5Index: 'the h5-core',
};

/** The tile order on a profile. */
export const PROFILE_TILES: readonly (keyof AuthorMetrics & MetricId)[] = ['papers', 'citations', 'hIndex', 'i10Index', 'h5Index', 'novelty', 'impact'];

/** All of a profile's tiles; `links` gives the page each tile's number counts. */
export function MetricTiles(props: { metrics: AuthorMetrics; idPrefix?: string; links?: Partial<Record<MetricId, string>> }) {
  return (
    <dl class="tiles">
      {PROFILE_TILES.map((id) => <MetricTile metric={id} value={props.metrics[id]} idPrefix={props.idPrefix} href={props.links?.[id]} />)}
    </dl>
  );
}
