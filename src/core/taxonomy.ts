/**
 * The arXiv category taxonomy as data: every current category id with its human name and
 * group (as on https://arxiv.org/category_taxonomy), the cross-listing aliases arXiv defines,
 * the defunct pre-2000 archives that old papers still carry as categories, and the bare
 * archive-level ids (`astro-ph`, `cond-mat`, …) used on papers submitted before their
 * archive was split into subject classes.
 */

/** One arXiv category as it appears in a paper's category list. */
export interface Category {
  /** The category id exactly as arXiv writes it: `cs.LG`, `hep-th`, `cond-mat.str-el`. */
  id: string;
  /** Human-readable name from arXiv's taxonomy: `Machine Learning`, `High Energy Physics - Theory`. */
  name: string;
  /**
   * The top-level subject group: `Computer Science`, `Economics`,
   * `Electrical Engineering and Systems Science`, `Mathematics`, `Physics`,
   * `Quantitative Biology`, `Quantitative Finance` or `Statistics`.
   */
  group: string;
  /** The archive the category belongs to: `cs` for `cs.LG`, `hep-th` for `hep-th`, `cond-mat` for `cond-mat.soft`. */
  archive: string;
  /**
   * True for ids no longer accepted for new submissions: the defunct archives merged into
   * other categories around 1996–2000 (`alg-geom` → `math.AG`, …) and the bare archive-level
   * ids used before an archive was divided into subject classes (`astro-ph`, `cond-mat`, …).
   */
  legacy?: boolean;
  /**
   * Set on an alias: the id of the canonical category it is equivalent to
   * (`cs.SY` is an alias of `eess.SY`). arXiv lists a paper under both.
   */
  aliasOf?: string;
}

const CS = 'Computer Science';
const ECON = 'Economics';
const EESS = 'Electrical Engineering and Systems Science';
const MATH = 'Mathematics';
const PHYS = 'Physics';
const QBIO = 'Quantitative Biology';
const QFIN = 'Quantitative Finance';
const STAT = 'Statistics';

type Row = [id: string, name: string, extra?: { legacy?: true; aliasOf?: string }];

function build(group: string, rows: readonly Row[]): Category[] {
  return rows.map(([id, name, extra]) => {
    const c: Category = { id, name, group, archive: archiveOf(id) };
    if (extra?.legacy) c.legacy = true;
    if (extra?.aliasOf) c.aliasOf = extra.aliasOf;
    return c;
  });
}

const LEGACY = { legacy: true } as const;

/**
 * Every known arXiv category, grouped by subject group in arXiv's own order.
 * Ids are unique; every `aliasOf` names another entry of this list.
 */
export const CATEGORIES: readonly Category[] = Object.freeze([
  ...build(CS, [
    ['cs', 'Computer Science', LEGACY],
    ['cs.AI', 'Artificial Intelligence'],
    ['cs.AR', 'Hardware Architecture'],
    ['cs.CC', 'Computational Complexity'],
    ['cs.CE', 'Computational Engineering, Finance, and Science'],
    ['cs.CG', 'Computational Geometry'],
    ['cs.CL', 'Computation and Language'],
    ['cs.CR', 'Cryptography and Security'],
    ['cs.CV', 'Computer Vision and Pattern Recognition'],
    ['cs.CY', 'Computers and Society'],
    ['cs.DB', 'Databases'],
    ['cs.DC', 'Distributed, Parallel, and Cluster Computing'],
    ['cs.DL', 'Digital Libraries'],
    ['cs.DM', 'Discrete Mathematics'],
    ['cs.DS', 'Data Structures and Algorithms'],
    ['cs.ET', 'Emerging Technologies'],
    ['cs.FL', 'Formal Languages and Automata Theory'],
    ['cs.GL', 'General Literature'],
    ['cs.GR', 'Graphics'],
    ['cs.GT', 'Computer Science and Game Theory'],
    ['cs.HC', 'Human-Computer Interaction'],
    ['cs.IR', 'Information Retrieval'],
    ['cs.IT', 'Information Theory'],
    ['cs.LG', 'Machine Learning'],
    ['cs.LO', 'Logic in Computer Science'],
    ['cs.MA', 'Multiagent Systems'],
    ['cs.MM', 'Multimedia'],
    ['cs.MS', 'Mathematical Software'],
    ['cs.NA', 'Numerical Analysis', { aliasOf: 'math.NA' }],
    ['cs.NE', 'Neural and Evolutionary Computing'],
    ['cs.NI', 'Networking and Internet Architecture'],
    ['cs.OH', 'Other Computer Science'],
    ['cs.OS', 'Operating Systems'],
    ['cs.PF', 'Performance'],
    ['cs.PL', 'Programming Languages'],
    ['cs.RO', 'Robotics'],
    ['cs.SC', 'Symbolic Computation'],
    ['cs.SD', 'Sound'],
    ['cs.SE', 'Software Engineering'],
    ['cs.SI', 'Social and Information Networks'],
    ['cs.SY', 'Systems and Control', { aliasOf: 'eess.SY' }],
    // Defunct archive, subsumed by cs.CL in 1998.
    ['cmp-lg', 'Computation and Language', LEGACY],
  ]),
  ...build(ECON, [
    ['econ.EM', 'Econometrics'],
    ['econ.GN', 'General Economics'],
    ['econ.TH', 'Theoretical Economics'],
  ]),
  ...build(EESS, [
    ['eess.AS', 'Audio and Speech Processing'],
    ['eess.IV', 'Image and Video Processing'],
    ['eess.SP', 'Signal Processing'],
    ['eess.SY', 'Systems and Control'],
  ]),
  ...build(MATH, [
    ['math', 'Mathematics', LEGACY],
    ['math.AC', 'Commutative Algebra'],
    ['math.AG', 'Algebraic Geometry'],
    ['math.AP', 'Analysis of PDEs'],
    ['math.AT', 'Algebraic Topology'],
    ['math.CA', 'Classical Analysis and ODEs'],
    ['math.CO', 'Combinatorics'],
    ['math.CT', 'Category Theory'],
    ['math.CV', 'Complex Variables'],
    ['math.DG', 'Differential Geometry'],
    ['math.DS', 'Dynamical Systems'],
    ['math.FA', 'Functional Analysis'],
    ['math.GM', 'General Mathematics'],
    ['math.GN', 'General Topology'],
    ['math.GR', 'Group Theory'],
    ['math.GT', 'Geometric Topology'],
    ['math.HO', 'History and Overview'],
    ['math.IT', 'Information Theory', { aliasOf: 'cs.IT' }],
    ['math.KT', 'K-Theory and Homology'],
    ['math.LO', 'Logic'],
    ['math.MG', 'Metric Geometry'],
    ['math.MP', 'Mathematical Physics', { aliasOf: 'math-ph' }],
    ['math.NA', 'Numerical Analysis'],
    ['math.NT', 'Number Theory'],
    ['math.OA', 'Operator Algebras'],
    ['math.OC', 'Optimization and Control'],
    ['math.PR', 'Probability'],
    ['math.QA', 'Quantum Algebra'],
    ['math.RA', 'Rings and Algebras'],
    ['math.RT', 'Representation Theory'],
    ['math.SG', 'Symplectic Geometry'],
    ['math.SP', 'Spectral Theory'],
    ['math.ST', 'Statistics Theory', { aliasOf: 'stat.TH' }],
    // Defunct archives, subsumed by math.* in 1998.
    ['alg-geom', 'Algebraic Geometry', LEGACY], // → math.AG
    ['dg-ga', 'Differential Geometry', LEGACY], // → math.DG
    ['funct-an', 'Functional Analysis', LEGACY], // → math.FA
    ['q-alg', 'Quantum Algebra and Topology', LEGACY], // → math.QA
  ]),
  ...build(PHYS, [
    ['astro-ph', 'Astrophysics', LEGACY],
    ['astro-ph.CO', 'Cosmology and Nongalactic Astrophysics'],
    ['astro-ph.EP', 'Earth and Planetary Astrophysics'],
    ['astro-ph.GA', 'Astrophysics of Galaxies'],
    ['astro-ph.HE', 'High Energy Astrophysical Phenomena'],
    ['astro-ph.IM', 'Instrumentation and Methods for Astrophysics'],
    ['astro-ph.SR', 'Solar and Stellar Astrophysics'],
    ['cond-mat', 'Condensed Matter', LEGACY],
    ['cond-mat.dis-nn', 'Disordered Systems and Neural Networks'],
    ['cond-mat.mes-hall', 'Mesoscale and Nanoscale Physics'],
    ['cond-mat.mtrl-sci', 'Materials Science'],
    ['cond-mat.other', 'Other Condensed Matter'],
    ['cond-mat.quant-gas', 'Quantum Gases'],
    ['cond-mat.soft', 'Soft Condensed Matter'],
    ['cond-mat.stat-mech', 'Statistical Mechanics'],
    ['cond-mat.str-el', 'Strongly Correlated Electrons'],
    ['cond-mat.supr-con', 'Superconductivity'],
    ['gr-qc', 'General Relativity and Quantum Cosmology'],
    ['hep-ex', 'High Energy Physics - Experiment'],
    ['hep-lat', 'High Energy Physics - Lattice'],
    ['hep-ph', 'High Energy Physics - Phenomenology'],
    ['hep-th', 'High Energy Physics - Theory'],
    ['math-ph', 'Mathematical Physics'],
    ['nlin', 'Nonlinear Sciences', LEGACY],
    ['nlin.AO', 'Adaptation and Self-Organizing Systems'],
    ['nlin.CD', 'Chaotic Dynamics'],
    ['nlin.CG', 'Cellular Automata and Lattice Gases'],
    ['nlin.PS', 'Pattern Formation and Solitons'],
    ['nlin.SI', 'Exactly Solvable and Integrable Systems'],
    ['nucl-ex', 'Nuclear Experiment'],
    ['nucl-th', 'Nuclear Theory'],
    ['physics', 'Physics', LEGACY],
    ['physics.acc-ph', 'Accelerator Physics'],
    ['physics.ao-ph', 'Atmospheric and Oceanic Physics'],
    ['physics.app-ph', 'Applied Physics'],
    ['physics.atm-clus', 'Atomic and Molecular Clusters'],
    ['physics.atom-ph', 'Atomic Physics'],
    ['physics.bio-ph', 'Biological Physics'],
    ['physics.chem-ph', 'Chemical Physics'],
    ['physics.class-ph', 'Classical Physics'],
    ['physics.comp-ph', 'Computational Physics'],
    ['physics.data-an', 'Data Analysis, Statistics and Probability'],
    ['physics.ed-ph', 'Physics Education'],
    ['physics.flu-dyn', 'Fluid Dynamics'],
    ['physics.gen-ph', 'General Physics'],
    ['physics.geo-ph', 'Geophysics'],
    ['physics.hist-ph', 'History and Philosophy of Physics'],
    ['physics.ins-det', 'Instrumentation and Detectors'],
    ['physics.med-ph', 'Medical Physics'],
    ['physics.optics', 'Optics'],
    ['physics.plasm-ph', 'Plasma Physics'],
    ['physics.pop-ph', 'Popular Physics'],
    ['physics.soc-ph', 'Physics and Society'],
    ['physics.space-ph', 'Space Physics'],
    ['quant-ph', 'Quantum Physics'],
    // Defunct archives, subsumed by nlin.*, cond-mat.* and physics.* (1996–2000).
    ['adap-org', 'Adaptation, Noise, and Self-Organizing Systems', LEGACY], // → nlin.AO
    ['chao-dyn', 'Chaotic Dynamics', LEGACY], // → nlin.CD
    ['comp-gas', 'Cellular Automata and Lattice Gases', LEGACY], // → nlin.CG
    ['patt-sol', 'Pattern Formation and Solitons', LEGACY], // → nlin.PS
    ['solv-int', 'Exactly Solvable and Integrable Systems', LEGACY], // → nlin.SI
    ['mtrl-th', 'Materials Theory', LEGACY], // → cond-mat.mtrl-sci
    ['supr-con', 'Superconductivity', LEGACY], // → cond-mat.supr-con
    ['acc-phys', 'Accelerator Physics', LEGACY], // → physics.acc-ph
    ['ao-sci', 'Atmospheric-Oceanic Sciences', LEGACY], // → physics.ao-ph
    ['atom-ph', 'Atomic, Molecular and Optical Physics', LEGACY], // → physics.atom-ph
    ['bayes-an', 'Bayesian Analysis', LEGACY], // → physics.data-an
    ['chem-ph', 'Chemical Physics', LEGACY], // → physics.chem-ph
    ['plasm-ph', 'Plasma Physics', LEGACY], // → physics.plasm-ph
  ]),
  ...build(QBIO, [
    ['q-bio', 'Quantitative Biology', LEGACY],
    ['q-bio.BM', 'Biomolecules'],
    ['q-bio.CB', 'Cell Behavior'],
    ['q-bio.GN', 'Genomics'],
    ['q-bio.MN', 'Molecular Networks'],
    ['q-bio.NC', 'Neurons and Cognition'],
    ['q-bio.OT', 'Other Quantitative Biology'],
    ['q-bio.PE', 'Populations and Evolution'],
    ['q-bio.QM', 'Quantitative Methods'],
    ['q-bio.SC', 'Subcellular Processes'],
    ['q-bio.TO', 'Tissues and Organs'],
  ]),
  ...build(QFIN, [
    ['q-fin.CP', 'Computational Finance'],
    ['q-fin.EC', 'Economics', { aliasOf: 'econ.GN' }],
    ['q-fin.GN', 'General Finance'],
    ['q-fin.MF', 'Mathematical Finance'],
    ['q-fin.PM', 'Portfolio Management'],
    ['q-fin.PR', 'Pricing of Securities'],
    ['q-fin.RM', 'Risk Management'],
    ['q-fin.ST', 'Statistical Finance'],
    ['q-fin.TR', 'Trading and Market Microstructure'],
  ]),
  ...build(STAT, [
    ['stat.AP', 'Applications'],
    ['stat.CO', 'Computation'],
    ['stat.ME', 'Methodology'],
    ['stat.ML', 'Machine Learning'],
    ['stat.OT', 'Other Statistics'],
    ['stat.TH', 'Statistics Theory'],
  ]),
].map((c) => Object.freeze(c)));

const BY_ID: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((c) => [c.id, c]));

/** Looks a category up by its exact id (case-sensitive, as arXiv writes it); undefined if unknown. */
export function findCategory(id: string): Category | undefined {
  return BY_ID.get(id);
}

/**
 * The short tag shown on paper cards: the subject class after the dot, upper-cased
 * (`cs.LG` → `LG`, `astro-ph.GA` → `GA`, `physics.optics` → `OPTICS`), or the id itself for an
 * archive-level category without a subject class (`hep-th` → `hep-th`, `quant-ph` → `quant-ph`).
 */
export function shortTag(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(dot + 1).toUpperCase();
}

/** The archive part of a category id: `cs.LG` → `cs`, `hep-th` → `hep-th`, `physics.optics` → `physics`. */
export function archiveOf(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}
