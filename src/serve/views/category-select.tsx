import { CATEGORIES, type Category } from '../../core/taxonomy.js';

/**
 * A `<select>` of every current arXiv category, grouped by subject, with "All categories"
 * first. Legacy ids and aliases are left out (their papers are listed under the canonical id).
 */

/** Current, canonical categories grouped by subject group, in arXiv's order. */
export function selectableCategories(): [group: string, categories: Category[]][] {
  const groups = new Map<string, Category[]>();
  for (const c of CATEGORIES) {
    if (c.legacy || c.aliasOf) continue;
    const list = groups.get(c.group) ?? [];
    list.push(c);
    groups.set(c.group, list);
  }
  return [...groups];
}

/** Props of {@link CategorySelect}. */
export interface CategorySelectProps {
  /** The selected category id, or null for all. */
  selected: string | null;
  /** Form field name. @default 'category' */
  name?: string;
  id: string;
}

/** The select element (label it with `<label for={id}>`). */
export function CategorySelect(props: CategorySelectProps) {
  return (
    <select name={props.name ?? 'category'} id={props.id}>
      <option value="" selected={props.selected === null}>All categories</option>
      {selectableCategories().map(([group, cats]) => (
        <optgroup label={group}>
          {cats.map((c) => <option value={c.id} selected={c.id === props.selected}>{c.name} ({c.id})</option>)}
        </optgroup>
      ))}
    </select>
  );
}
