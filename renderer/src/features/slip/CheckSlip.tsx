import type { Catalogue } from '../../../../shared/contract';
import { formatAge, formatDate, formatDateTime, t } from '../../i18n';
import type { CheckView, Session, TerminalIdentity } from '../../services/contracts';
import type { RecordedCommitment } from '../../stores/commitmentStore';
import type { CheckFeedback } from '../../stores/feedbackStore';
import { EMPTY_DRAFT } from '../../stores/feedbackStore';
import { listTypeName } from '../result/labels';
import { SlipQr } from './SlipQr';

/** 核查单: the printable record for the case file. Masked ID only. */
export function CheckSlip({
  view,
  catalogue,
  feedback,
  commitments,
  session,
  identity,
  printedAt,
  signed,
  unsigned,
}: {
  view: CheckView;
  catalogue: Catalogue | null;
  feedback: CheckFeedback;
  commitments: RecordedCommitment[];
  session: Session | null;
  identity: TerminalIdentity | null;
  printedAt: Date;
  /** The signed statement (QR text and reference number); null while signing or when it cannot be signed. */
  signed?: { text: string; reference: string } | null;
  unsigned?: string | null;
}) {
  const active = view.evaluation.entries.filter(
    (e) => e.triggers || e.effectiveStatus === 'ACTIVE' || e.effectiveStatus === 'OBJECTION_PENDING',
  );
  const measures = [...view.evaluation.must, ...view.evaluation.may];
  const s = t.slip;
  return (
    <div className="slip" data-testid="slip">
      <h1 className="slip-title">{s.title}</h1>
      <table className="slip-table">
        <tbody>
          <tr>
            <th>{s.matter}</th>
            <td>
              {view.matter.name}（{view.matter.code}）
            </td>
            <th>{s.caseNo}</th>
            <td data-testid="slip-caseno">{view.purpose.caseNo}</td>
          </tr>
          <tr>
            <th>{s.subject}</th>
            <td>{view.subject.name}</td>
            <th>{s.kind}</th>
            <td>{t.domain.kind[view.subject.kind]}</td>
          </tr>
          <tr>
            <th>{s.identifier}</th>
            <td className="mono" data-testid="slip-identifier">
              {view.subject.masked}
            </td>
            <th>{s.result}</th>
            <td>
              <strong data-testid="slip-result">{t.domain.result[view.result]}</strong>
            </td>
          </tr>
          <tr>
            <th>{s.source}</th>
            <td>{t.domain.source[view.source]}</td>
            <th>{s.dataVersion}</th>
            <td className="mono" data-testid="slip-version">
              {view.dataVersion}
            </td>
          </tr>
          <tr>
            <th>{s.dataAge}</th>
            <td>{formatAge(view.dataAgeSeconds)}</td>
            <th>{s.checkedAt}</th>
            <td>{formatDateTime(view.checkedAt)}</td>
          </tr>
          <tr>
            <th>{s.operator}</th>
            <td>{session ? `${session.operator.name}（${session.operator.id}）` : view.operatorId}</td>
            <th>{s.terminal}</th>
            <td>{identity ? `${identity.terminalName}（${identity.terminalId}）` : view.terminalId}</td>
          </tr>
          <tr>
            {/* The check number is quoted over the phone and typed back: a row of its own, one unbroken line. */}
            <th>{s.checkId}</th>
            <td className="mono slip-nowrap" data-testid="slip-check-id" colSpan={3}>
              {view.checkId}
            </td>
          </tr>
          <tr>
            <th>{s.printedAt}</th>
            <td colSpan={3}>{formatDateTime(printedAt)}</td>
          </tr>
        </tbody>
      </table>

      <h2 className="slip-heading">{s.entries}</h2>
      {active.length === 0 ? (
        <p>{s.entriesNone}</p>
      ) : (
        <ul className="slip-list">
          {active.map((e) => (
            <li key={`${e.via}-${e.entry.id}`}>
              {listTypeName(catalogue, e.entry.listType)}
              {e.via === 'LEGAL_REPRESENTATIVE' ? t.measures.triggerViaRep : ''} · {e.entry.documentNo || t.result.entry.none} ·{' '}
              {formatDate(e.entry.listedOn)}—{e.entry.validUntil ? formatDate(e.entry.validUntil) : t.result.entry.openEnded} ·{' '}
              {t.domain.status[e.effectiveStatus]}
            </li>
          ))}
        </ul>
      )}

      <h2 className="slip-heading">{s.measures}</h2>
      {measures.length === 0 && view.evaluation.suppressed.length === 0 ? (
        <p>{s.measuresNone}</p>
      ) : (
        <table className="slip-table slip-measures">
          <thead>
            <tr>
              <th>{s.measure}</th>
              <th>{s.obligation}</th>
              <th>{s.decision}</th>
              <th>{s.remark}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map(({ measure }) => {
              const d = feedback.drafts[measure.code] ?? EMPTY_DRAFT;
              const decided = feedback.delivery !== null && d.decision !== null;
              const remark = d.decision === 'NOT_APPLIED' ? d.reason : d.decision === 'OTHER_MEASURE' ? `${d.content}；${d.result}` : '';
              return (
                <tr key={measure.code} data-testid="slip-measure">
                  <td>{measure.title}</td>
                  <td>{measure.obligation === 'MUST' ? t.measures.obligationMust : t.measures.obligationMay}</td>
                  <td>{decided && d.decision ? t.domain.decision[d.decision] : t.measures.notSubmitted}</td>
                  <td>{decided ? remark : ''}</td>
                </tr>
              );
            })}
            {view.evaluation.suppressed.map((m) => (
              <tr key={m.measure.code}>
                <td>{m.measure.title}</td>
                <td>{m.measure.obligation === 'MUST' ? t.measures.obligationMust : t.measures.obligationMay}</td>
                <td>{s.suppressed}</td>
                <td>{m.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {commitments.length > 0 && (
        <>
          <h2 className="slip-heading">{s.commitments}</h2>
          <ul className="slip-list">
            {commitments.map((c, i) => (
              <li key={i}>
                {c.kind} · {t.commitment.dueOn}：{c.dueOn ? formatDate(c.dueOn) : t.commitment.dueOnNone}
                <div className="slip-commitment-text">{c.text}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="slip-signature" data-testid="slip-signature">
        {signed ? (
          <>
            <SlipQr text={signed.text} />
            <div className="slip-signature-text">
              <div>
                {s.reference}：
                <span className="mono slip-nowrap" data-testid="slip-reference">
                  {signed.reference}
                </span>
              </div>
              <div>{s.signatureNote}</div>
            </div>
          </>
        ) : (
          <div className="slip-signature-text">{unsigned ?? s.signing}</div>
        )}
      </div>
      <p className="slip-footer">{s.footer}</p>
    </div>
  );
}
