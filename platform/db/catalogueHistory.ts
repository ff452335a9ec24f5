/**
 * Every catalogue version the platform has served. A record made offline is judged by the version
 * its terminal used; a matter or measure "never existed" only if no version ever had it.
 */
import type { Catalogue, Matter } from '../../shared/contract';
import type { Db } from './open';

export class CatalogueHistory {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly allStmt;
  private readonly updateStmt;
  /** Parsed versions (a handful; each is read again only after a restart). */
  private readonly cache = new Map<string, Catalogue>();

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string]>(
      'INSERT INTO catalogue_versions (version, json, first_served_at) VALUES (?, ?, ?) ON CONFLICT(version) DO UPDATE SET json = excluded.json',
    );
    this.getStmt = db.prepare<[string], { json: string }>('SELECT json FROM catalogue_versions WHERE version = ?');
    this.allStmt = db.prepare<[], { version: string }>(
      'SELECT version FROM catalogue_versions ORDER BY first_served_at DESC, version DESC',
    );
    this.updateStmt = db.prepare<[string, string]>('UPDATE catalogue_versions SET json = ? WHERE version = ?');
  }

  /** Keeps a served version (a version served again keeps its first date). */
  record(catalogue: Catalogue, json: string, at: string): void {
    this.insertStmt.run(catalogue.version, json, at);
    this.cache.set(catalogue.version, catalogue);
  }

  get(version: string): Catalogue | undefined {
    const cached = this.cache.get(version);
    if (cached) return cached;
    const row = this.getStmt.get(version);
    if (!row) return undefined;
    const catalogue = JSON.parse(row.json) as Catalogue;
    this.cache.set(version, catalogue);
    return catalogue;
  }

  /** The matter as the most recent version that had it described it, with that version. */
  latestMatter(code: string): { matter: Matter; version: string } | undefined {
    for (const { version } of this.allStmt.all()) {
      const matter = this.get(version)?.matters.find((m) => m.code === code);
      if (matter) return { matter, version };
    }
    return undefined;
  }

  /** Whether any version ever had this measure. */
  measureEverExisted(code: string): boolean {
    return this.allStmt.all().some(({ version }) => this.get(version)?.measures.some((m) => m.code === code) ?? false);
  }

  /** Test controls only: a matter erased from every stored version, as if it had never been published. */
  eraseMatter(code: string): void {
    for (const version of this.versions()) {
      const catalogue = this.get(version);
      if (!catalogue?.matters.some((m) => m.code === code)) continue;
      const erased = { ...catalogue, matters: catalogue.matters.filter((m) => m.code !== code) };
      this.updateStmt.run(JSON.stringify(erased), version);
      this.cache.set(version, erased);
    }
  }

  versions(): string[] {
    return this.allStmt.all().map((r) => r.version);
  }
}
