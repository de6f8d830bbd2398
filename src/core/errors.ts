/**
 * Papersift's error types. Each has a stable `code` and an HTTP `status`, so one handler
 * (the web app's, or the CLI's exit path) can render any of them without knowing the others.
 * Unknown errors are not PapersiftErrors: they are logged and become a plain 500 / exit 1.
 */

/** Stable machine-readable error codes, one per error class. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'config' | 'source' | 'conflict';

/** Base class for every error Papersift raises on purpose. */
export class PapersiftError extends Error {
  /** Stable code for API clients and logs. */
  readonly code: ErrorCode;
  /** HTTP status the web layer answers with. */
  readonly status: number;

  constructor(code: ErrorCode, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/** Input (a record, a flag, a request field) is malformed. `field` names what was wrong. */
export class ValidationError extends PapersiftError {
  /** The field, record id or position the problem is in. */
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid_input', 400, `${field}: ${message}`);
    this.field = field;
  }
}

/** A looked-up thing does not exist. Thrown by `findXOrThrow` methods. */
export class NotFoundError extends PapersiftError {
  constructor(what: string, id: string) {
    super('not_found', 404, `${what} not found: ${id}`);
  }
}

/** Configuration is invalid; `problems` lists every problem found, not just the first. */
export class ConfigError extends PapersiftError {
  /** One human-readable line per invalid setting. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('config', 500, `invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

/** An external source (arXiv, Semantic Scholar, a file) failed in a way a retry did not fix. */
export class SourceError extends PapersiftError {
  /** True when the failure looks like "no network" rather than a bad answer. */
  readonly offline: boolean;

  constructor(message: string, options?: { cause?: unknown; offline?: boolean }) {
    super('source', 502, message, options);
    this.offline = options?.offline ?? false;
  }
}
