import { Alert } from 'antd';
import type { Catalogue } from '../../../../shared/contract';
import { t } from '../../i18n';
import type { CheckView } from '../../services/contracts';
import { EntriesSection } from './EntriesSection';
import { CommitmentsSection, GradesSection, HaibeiSection, RepairsSection } from './ProfileSections';
import { SubjectCard } from './SubjectCard';
import { WarningsList } from './WarningsList';

/** The subject's credit status in this matter (everything but the measures). */
export function ResultView({ view, catalogue }: { view: CheckView; catalogue: Catalogue | null }) {
  const profile = view.profile;
  const isPerson = view.subject.kind === 'PERSON';
  return (
    <div className="result-view" data-testid="result-view">
      <SubjectCard view={view} />
      <WarningsList warnings={view.evaluation.warnings} />
      {!profile && <Alert type="info" showIcon title={t.result.noRecords} data-testid="no-records" />}
      <EntriesSection entries={view.evaluation.entries} catalogue={catalogue} />
      {profile && (
        <>
          {(profile.grades.length > 0 || !isPerson) && <GradesSection grades={profile.grades} catalogue={catalogue} />}
          {isPerson && <HaibeiSection haibei={profile.haibei} />}
          <CommitmentsSection commitments={profile.commitments} catalogue={catalogue} />
          <RepairsSection repairs={profile.repairs} catalogue={catalogue} />
        </>
      )}
    </div>
  );
}
