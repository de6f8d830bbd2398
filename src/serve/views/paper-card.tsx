import { findCategory, shortTag } from '../../core/taxonomy.js';
import type { PaperCard } from '../../services/read-models.js';
import { formatCardDate } from '../render/dates.js';
import { authorPath, categoryPath, paperPath } from '../urls.js';
import { Highlighted, plainEnough } from './highlight.js';
import { RichText, TitleText } from './rich-text.js';

/**
 * A paper as a card (feeds, profiles, category pages, cited-by lists), laid out like the seed
 * pages: category tag and date, title, the first authors with the rest behind "et al.", the
 * abstract with its math typeset, and the citation count.
 */

/** An author as cards and pages list them. */
export interface AuthorLink {
  name: string;
  key: string;
}

/** Authors shown before "et al.". */
export const VISIBLE_AUTHORS = 3;

/** One author, linked to their profile (a name with no letters has no key and no profile). */
export function AuthorName(props: { author: AuthorLink }) {
  const { name, key } = props.author;
  return key ? <a href={authorPath(key)}>{name}</a> : <span>{name}</span>;
}

/** Authors joined with commas. */
export function AuthorNames(props: { authors: readonly AuthorLink[] }) {
  return <>{props.authors.map((a, i) => <>{i > 0 ? ', ' : ''}<AuthorName author={a} /></>)}</>;
}

/**
 * The first {@link VISIBLE_AUTHORS} authors, then "et al." as a `<details>` that reveals the
 * others without JavaScript. Lists of up to four show everyone ("et al." would hide only one).
 */
export function AuthorList(props: { authors: readonly AuthorLink[] }) {
  const { authors } = props;
  if (authors.length === 0) return <div class="authors">Authors unknown</div>;
  if (authors.length <= VISIBLE_AUTHORS + 1) return <div class="authors"><AuthorNames authors={authors} /></div>;
  const rest = authors.slice(VISIBLE_AUTHORS);
  return (
    <div class="authors">
      <AuthorNames authors={authors.slice(0, VISIBLE_AUTHORS)} />{' '}
      <details class="etal">
        <summary>et al.<span class="visually-hidden"> ({rest.length} more authors)</span></summary>
        , <AuthorNames authors={rest} />
      </details>
    </div>
  );
}

/** A category as its short tag (`LG`), linked to the category page, full name on hover. */
export function CategoryTag(props: { id: string }) {
  const name = findCategory(props.id)?.name;
  return <a class="tag" href={categoryPath(props.id)} title={name ? `${name} (${props.id})` : props.id}>{shortTag(props.id)}</a>;
}

/** "No citations yet", "1 citation", "12 citations" (in this index). */
export function citationLabel(count: number): string {
  if (count === 0) return 'No citations yet';
  return `${count.toLocaleString('en-US')} citation${count === 1 ? '' : 's'}`;
}

/** Props of {@link PaperCardView}. */
export interface PaperCardProps {
  card: PaperCard;
  now: Date;
  /** Heading level of the title: 2 on feed pages, 3 under a section heading. @default 3 */
  level?: 2 | 3;
  /** Omit the abstract (cited-by and reference lists). @default false */
  compact?: boolean;
  /** Why a search or recommendation chose this paper: highlighted title, snippet, reasons. */
  match?: CardMatch;
}

/** A card's search context. Highlight strings carry the index's match markers. */
export interface CardMatch {
  title: string | null;
  snippet: string;
  why: string[];
}

function MatchNote(props: { match: CardMatch }) {
  const { match } = props;
  if (!match.snippet && match.why.length === 0) return null;
  return (
    <p class="match">
      {match.why.map((w) => <span class="why">{w}</span>)}
      {match.snippet ? <> <span class="snippet"><Highlighted text={match.snippet} /></span></> : null}
    </p>
  );
}

/** One paper card, as an `<article>` (put it in a list: `<ol class="cards">`). */
export function PaperCardView(props: PaperCardProps) {
  const { card } = props;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <article class={props.compact ? 'card compact' : 'card'}>
      <div class="meta">
        <CategoryTag id={card.primaryCategory} />
        {card.date ? <time datetime={card.date}>{formatCardDate(card.date, props.now)}</time> : null}
      </div>
      <Heading class="card-title"><a href={paperPath(card.arxivId)}>{props.match?.title && plainEnough(card.title) ? <Highlighted text={props.match.title} /> : <TitleText text={card.title} />}</a></Heading>
      <AuthorList authors={card.authors} />
      {props.match ? <MatchNote match={props.match} /> : null}
      {props.compact || !card.abstract ? null : <div class="abstract"><RichText text={card.abstract} /></div>}
      <p class="card-foot">
        {citationLabel(card.citationCount)}
        {card.comments ? <> · <RichText text={card.comments} /></> : null}
      </p>
    </article>
  );
}

/** Cards as an ordered list (the order means something: newest or most cited first). */
export function PaperCardList(props: { cards: readonly PaperCard[]; now: Date; level?: 2 | 3; compact?: boolean }) {
  return (
    <ol class="cards">
      {props.cards.map((card) => <li><PaperCardView card={card} now={props.now} level={props.level} compact={props.compact} /></li>)}
    </ol>
  );
}
