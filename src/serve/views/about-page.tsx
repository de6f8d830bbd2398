import type { ImpactModelReport } from '../../services/impact.service.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';

/**
 * The about page: what Papersift is, where its data comes from, and what every metric means
 * (from metric-definitions.ts, the same text the tile tooltips use), including the ones that
 * are not computed yet.
 */
export function AboutView(props: { impact?: ImpactModelReport | undefined }) {
  return (
    <>
      <h1>About Papersift</h1>
      <p class="lede">Papersift is an open, self-hostable reader for arXiv: daily, weekly and monthly lists of new papers, author profiles, and citations between the papers it has imported.</p>
      <h2>Where the data comes from</h2>
      <p>Paper metadata (titles, authors, abstracts, categories, versions) comes from arXiv: its API, its OAI-PMH interface and the public metadata snapshot. Papers are dated by the day they were first listed on arXiv when that is known, otherwise by the date of their first version.</p>
      <p>Citations come from the citation graph this index has imported (for example from Semantic Scholar or a citation file). Only citations between papers in this index are counted, so counts are lower than those of services that index all of the literature. Where an external count is known, a paper's page shows it with its source and date.</p>
      <h2>The metrics</h2>
      <dl class="definitions">
        {METRIC_DEFINITIONS.map((d) => (
          <>
            <dt id={`metric-${d.id}`}>{d.label}{d.available ? '' : ' (coming with the metrics pipeline)'}</dt>
            <dd>{d.long}</dd>
          </>
        ))}
      </dl>
      <ImpactModel report={props.impact} />
      <h2>Consistency and traceability</h2>
      <p>Every citation figure on a profile comes from one count: the distinct papers in this index citing a paper, as shown on its card. The citations tile is the sum of the cards, the yearly bars add up to it, and the h-, h5- and i10-indexes are computed from the same counts, so an h-index can never exceed the number of papers or the square root of the citations, and the h5-index never exceeds the h-index.</p>
      <p>Each tile links to what it counts: the citations tile to the list of citing papers (each with the author's papers it cites), the h-index to the h-core (the author's papers most cited first, the first h marked), the i10- and h5-indexes to the same list with their papers marked. Each tile names the source of its data and as of when it was computed. Metrics are recomputed after every import, for the authors it touched; a profile whose stored metrics no longer match its cards computes them afresh instead of showing stale numbers.</p>
      <h2>Authors</h2>
      <p>arXiv has no author identifiers, so Papersift groups papers by a normalised form of each author name. People who share a name share a profile, and someone who signs their name in two ways has two. Treat profile metrics as a guide, not a verdict.</p>
    </>
  );
}

function ImpactModel(props: { report: ImpactModelReport | undefined }) {
  const r = props.report;
  if (!r) return <><h2>The impact model</h2><p>No impact model has been trained on this index yet (<code>papersift metrics</code> trains one when citation data allows).</p></>;
  if (r.status !== 'ok' || r.auc === null) return <><h2>The impact model</h2><p>This index cannot support an impact model: {r.reason}.</p></>;
  return (
    <section aria-labelledby="impact-model">
      <h2 id="impact-model">The impact model</h2>
      <p>Trained {r.createdAt.slice(0, 10)} on {r.train?.papers.toLocaleString('en-US')} papers ({r.train?.from} to {r.train?.to}) and tested on the {r.test?.papers.toLocaleString('en-US')} later ones ({r.test?.from} to {r.test?.to}), which it never saw: held-out AUC <strong>{r.auc.toFixed(3)}</strong> (± {(r.aucStandardError ?? 0).toFixed(3)}), Brier score {r.brier?.toFixed(4)} against {r.brierBaseline?.toFixed(4)} for always predicting the base rate.</p>
      <table class="calibration">
        <caption>Calibration on the held-out papers</caption>
        <thead><tr><th scope="col">predicted</th><th scope="col">papers</th><th scope="col">mean predicted</th><th scope="col">observed</th></tr></thead>
        <tbody>{r.calibration.filter((b) => b.count > 0).map((b) => <tr><td>{b.lo.toFixed(1)}–{b.hi.toFixed(1)}</td><td>{b.count}</td><td>{b.meanPredicted?.toFixed(3) ?? '—'}</td><td>{b.observed?.toFixed(3) ?? '—'}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

/** The about page as a complete HTML document, with the impact model's held-out report when there is one. */
export function renderAboutPage(ctx: PageContext, impact?: ImpactModelReport): Promise<string> {
  return renderPage(<AboutView impact={impact} />, { title: 'About', ctx, description: 'What Papersift is, where its data comes from, and how its metrics are defined.' });
}
