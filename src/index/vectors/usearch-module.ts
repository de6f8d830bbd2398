import { createRequire } from 'node:module';

/**
 * The usearch native module. Its ESM entry recurses forever on Node 20 (getBuildDir), so it
 * is loaded through its CommonJS build; the types are the package's own.
 */
export type UsearchModule = typeof import('usearch');

/** The loaded usearch module (CommonJS build, prebuilt binary). */
export const usearch = createRequire(import.meta.url)('usearch') as UsearchModule;

/** A native usearch index. */
export type NativeIndex = InstanceType<UsearchModule['Index']>;
