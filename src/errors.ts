/**
 * The one error type ingest and check throw for bad input. It always names the
 * file (relative to the articles folder), optionally a 1-based line, and says
 * what the contributor should do about it.
 */
export class ArticleError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly hint?: string;
  /** What is wrong, as given (the message adds the file, line and hint). */
  readonly reason: string;

  constructor(file: string, message: string, options: { line?: number; hint?: string } = {}) {
    const where = options.line ? `${file}:${options.line}` : file;
    super(`${where}: ${message}${options.hint ? ` ${options.hint}` : ""}`);
    this.name = "ArticleError";
    this.reason = message;
    this.file = file;
    this.line = options.line;
    this.hint = options.hint;
  }

  /** The message without the file and line in front: what is wrong, then what to do. */
  get withoutLocation(): string {
    return this.hint ? `${this.reason} ${this.hint}` : this.reason;
  }
}

/**
 * The file holds a web server's or a site's error page ("Moved Permanently", a 404
 * page, "down for maintenance") that a scraper saved instead of the story.
 */
export class NotAnArticleError extends ArticleError {
  constructor(file: string, message: string, options: { line?: number; hint?: string } = {}) {
    super(file, message, options);
    this.name = "NotAnArticleError";
  }
}

/** The file has a headline (or a title) and nothing under it. */
export class HeadlineOnlyError extends ArticleError {
  constructor(file: string, message: string, options: { line?: number; hint?: string } = {}) {
    super(file, message, options);
    this.name = "HeadlineOnlyError";
  }
}
