import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import type { Store } from '../store/store.js';
import { identityLog, mergeAuthors, revertIdentityChange, splitAuthor, suggestSplit } from '../services/author-identity.service.js';

/**
 * `papersift authors …`: admin merges and splits of author keys, their audit log and reverts,
 * and suggested splits. Each change recomputes every author's metrics (authorships moved, no
 * paper changed, so an incremental run would miss them) and names the keys it changed.
 */
export function registerAuthorsCommand(program: Command, withStore: <T>(fn: (store: Store, cfg: Config) => Promise<T>) => Promise<T>, out: NodeJS.WritableStream, actor = process.env['USER'] ?? 'cli'): void {
  const authors = program.command('authors').description('merge, split and audit author identities');
  const done = async (store: Store, what: string, c: { logId: number; moved: number; affectedKeys: string[] }): Promise<void> => {
    // Authorships moved but no paper changed, so an incremental run would not see them: recompute all.
    const { recomputeMetrics } = await import('../services/metrics.service.js'); // on demand: most commands never need it
    const r = await recomputeMetrics(store, { full: true });
    out.write(`${what} (#${c.logId}): ${c.moved} authorships moved; metrics recomputed for ${r.rows.toLocaleString('en')} authors (${c.affectedKeys.join(', ')} changed)\n`);
  };
  authors.command('merge <target> <keys...>').description('move every paper of <keys> to <target>')
    .action((target: string, keys: string[]) => withStore(async (store) => done(store, 'merged', await mergeAuthors(store, target, keys, actor))));
  authors.command('split <key>').description('move the given papers of <key> to a new key').requiredOption('--papers <ids...>', 'arXiv ids to move')
    .option('--as <newKey>', 'the new key (default <key>~N)')
    .action((key: string, o: { papers: string[]; as?: string }) => withStore(async (store) => {
      const c = await splitAuthor(store, key, o.papers, actor, o.as ? { newKey: o.as } : {});
      await done(store, `split into ${c.newKey}`, c);
    }));
  authors.command('suggest <key>').description('groups of the key\'s papers with disjoint co-authors and categories')
    .action((key: string) => withStore(async (store) => {
      const groups = await suggestSplit(store, key);
      out.write(groups.length <= 1 ? `no split suggested for ${key}\n` : groups.map((g, i) => `group ${i + 1}: ${g.join(' ')}\n`).join(''));
    }));
  authors.command('log').description('the identity audit log, newest first')
    .action(() => withStore(async (store) => {
      for (const e of await identityLog(store)) out.write(`#${e.id} ${e.at} ${e.actor} ${e.action}${e.revertedBy ? ` (reverted by #${e.revertedBy})` : ''} ${JSON.stringify(e.detail).slice(0, 200)}\n`);
    }));
  authors.command('revert <logId>').description('undo one merge or split')
    .action((id: string) => withStore(async (store) => done(store, 'reverted', await revertIdentityChange(store, Number(id), actor))));
}
