import { Alert, Typography } from 'antd';
import type { Catalogue } from '../../../../shared/contract';
import { t } from '../../i18n';
import type { CheckView } from '../../services/contracts';
import { EntriesSection } from './EntriesSection';
import { GradesSection, HaibeiSection, RepairsSection } from './ProfileSections';
import { SubjectCard } from './SubjectCard';
import { WarningsList } from './WarningsList';

/** The subject's credit status in this matter (everything but the measures and the commitments, which have their own section beside). */
export function ResultView({ view, catalogue }: { view: CheckView; catalogue: Catalogue | null }) {
  const profile = view.profile;
  const isPerson = view.subject.kind === 'PERSON';
  // Purpose limitation: parts of a profile this matter does not ask for are not shown at all (nor fetched).
  const parts = view.matter.visibleProfile;
  const seesGrades = (parts?.gradeFields.length ?? 0) > 0;
  const seesHaibei = parts?.haibei === true;
  const seesCommitments = parts?.commitments === true;
  const notAsked = [
    ...(seesGrades ? [] : [t.result.grades]),
    ...(seesHaibei || !isPerson ? [] : [t.result.haibei]),
    ...(seesCommitments ? [] : [t.result.commitments]),
  ];
  return (
    <div className="result-view" data-testid="result-view">
      <SubjectCard view={view} />
      <WarningsList warnings={view.evaluation.warnings} />
      {!profile && <Alert type="info" showIcon title={t.result.noRecords} data-testid="no-records" />}
      <EntriesSection entries={view.evaluation.entries} catalogue={catalogue} />
      {profile && (
        <>
          {seesGrades && (profile.grades.length > 0 || !isPerson) && <GradesSection grades={profile.grades} catalogue={catalogue} />}
          {seesHaibei && isPerson && <HaibeiSection haibei={profile.haibei} />}
          <RepairsSection repairs={profile.repairs} catalogue={catalogue} />
        </>
      )}
      {notAsked.length > 0 && (
        <Typography.Paragraph type="secondary" className="scope-note" data-testid="scope-note">
          {t.result.notAsked(notAsked.join('、'))}
        </Typography.Paragraph>
      )}
    </div>
  );
}
