/** The platform's own audit of what IT and supervisors did to terminal identities and records. */
import type { PlatformEvent, PlatformEventAction } from '../../shared/contract';
import type { Db } from './open';

export interface NewPlatformEvent {
  at: string;
  action: PlatformEventAction;
  operatorId: string | null;
  terminalId: string | null;
  summary: string;
  detail: Record<string, unknown>;
}

export class PlatformEventRepository {
  private readonly insertStmt;
  private readonly latestStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO platform_events (at, action, operator_id, terminal_id, summary, detail)
       VALUES (@at, @action, @operatorId, @terminalId, @summary, @detail)`,
    );
    this.latestStmt = db.prepare<
      [number],
      { id: number; at: string; action: string; operator_id: string | null; terminal_id: string | null; summary: string; detail: string }
    >('SELECT id, at, action, operator_id, terminal_id, summary, detail FROM platform_events ORDER BY id DESC LIMIT ?');
  }

  record(event: NewPlatformEvent): number {
    return Number(this.insertStmt.run({ ...event, detail: JSON.stringify(event.detail) }).lastInsertRowid);
  }

  /** Newest first. */
  latest(limit: number): PlatformEvent[] {
    return this.latestStmt.all(limit).map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action as PlatformEventAction,
      operatorId: r.operator_id,
      terminalId: r.terminal_id,
      summary: r.summary,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
