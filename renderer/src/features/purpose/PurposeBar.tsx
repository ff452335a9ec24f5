import { Alert, Button, Input, Select, Space, Tag, Typography } from 'antd';
import type { InputRef, RefSelectProps } from 'antd';
import type { ReactNode, Ref } from 'react';
import { useMemo } from 'react';
import type { Matter } from '../../../../shared/contract';
import { useStores } from '../../stores/context';
import { t } from '../../i18n';
import { useStore } from '../../state';
import { CASE_NO_MAX, caseNoProblem, findMatter } from '../../stores/purposeStore';
import { matterMatchRank, matterSearchKey, type MatterSearchKey } from './matterSearch';

interface MatterOption {
  value: string;
  label: ReactNode;
  /** What the search matches: code, name and the name's pinyin initials. */
  search: MatterSearchKey;
}

function matterOption(m: Matter): MatterOption {
  return {
    value: m.code,
    search: matterSearchKey(m),
    label: (
      <span className="matter-option">
        <span className="matter-option-name">{m.name}</span>
        <span className="matter-option-code">{m.code}</span>
      </span>
    ),
  };
}

/** 查询事由: the matter (searchable by name and code) and the case number. */
export function PurposeBar({
  matterRef,
  caseNoRef,
  onCaseNoEnter,
  onMatterChosen,
}: {
  matterRef: Ref<RefSelectProps>;
  caseNoRef: Ref<InputRef>;
  onCaseNoEnter: () => void;
  onMatterChosen: () => void;
}) {
  const stores = useStores();
  const catalogue = useStore(stores.purpose, (s) => s.catalogue);
  const loading = useStore(stores.purpose, (s) => s.loading);
  const loaded = useStore(stores.purpose, (s) => s.loaded);
  const loadError = useStore(stores.purpose, (s) => s.loadError);
  const matterCode = useStore(stores.purpose, (s) => s.matterCode);
  const caseNo = useStore(stores.purpose, (s) => s.caseNo);
  const { setMatter, setCaseNo, loadCatalogue } = stores.purpose.getState();

  const options = useMemo(() => (catalogue?.matters ?? []).map(matterOption), [catalogue]);
  const matter = findMatter(catalogue, matterCode);
  const caseNoError = caseNoProblem({ catalogue, matterCode, caseNo });
  const kindNames = matter ? matter.subjectKinds.map((k) => t.domain.kind[k]).join('、') : '';

  return (
    <div className="purpose-bar">
      <div className="purpose-fields">
        <label className="field field-matter">
          <span className="field-label">{t.purpose.matter}</span>
          <Select<string, MatterOption>
            ref={matterRef}
            id="purpose-matter"
            aria-label={t.purpose.matter}
            value={matterCode ?? undefined}
            options={options}
            placeholder={loading ? t.purpose.catalogueLoading : t.purpose.matterPlaceholder}
            loading={loading}
            disabled={!catalogue}
            showSearch={{
              filterOption: (input, option) => option !== undefined && matterMatchRank(option.search, input) !== null,
              filterSort: (a, b, { searchValue }) =>
                (matterMatchRank(a.search, searchValue) ?? 9) - (matterMatchRank(b.search, searchValue) ?? 9),
            }}
            notFoundContent={<Typography.Text type="secondary">{t.purpose.matterNoMatch}</Typography.Text>}
            onChange={(code) => setMatter(code ?? null)}
            // Picking a matter moves on to the next empty field, also when it is the matter already chosen
            // (no change then, but the clerk pressed Enter to go on).
            onSelect={() => onMatterChosen()}
            allowClear={{ label: t.a11y.clear }}
            style={{ width: '100%' }}
            popupMatchSelectWidth
          />
        </label>
        <label className="field field-caseno">
          <span className="field-label">{t.purpose.caseNo}</span>
          <Input
            ref={caseNoRef}
            id="purpose-caseno"
            aria-label={t.purpose.caseNo}
            aria-invalid={caseNoError !== null}
            aria-describedby={caseNoError ? 'purpose-caseno-error' : undefined}
            status={caseNoError ? 'error' : undefined}
            value={caseNo}
            maxLength={CASE_NO_MAX}
            placeholder={matter?.caseNoFormat ? t.purpose.caseNoExample(matter.caseNoFormat.example) : t.purpose.caseNoPlaceholder}
            onChange={(e) => setCaseNo(e.target.value)}
            onPressEnter={onCaseNoEnter}
            autoComplete="off"
          />
        </label>
      </div>
      {caseNoError && (
        <Typography.Text type="danger" id="purpose-caseno-error" data-testid="caseno-error" className="purpose-error">
          {caseNoError}
        </Typography.Text>
      )}
      {matter && (
        <Space size={8} wrap className="purpose-info">
          <Tag color={matter.checkMandatory ? 'blue' : 'default'}>{matter.checkMandatory ? t.purpose.mandatory : t.purpose.optional}</Tag>
          <Typography.Text type="secondary">{t.purpose.matterInfo(matter.department, matter.code)}</Typography.Text>
          <Typography.Text type="secondary">{t.purpose.subjectKinds(kindNames)}</Typography.Text>
        </Space>
      )}
      {loaded && !catalogue && !loading && (
        <Alert
          type="warning"
          showIcon
          title={loadError ?? t.purpose.catalogueMissing}
          action={
            <Button size="small" onClick={() => void loadCatalogue()}>
              {t.purpose.catalogueReload}
            </Button>
          }
        />
      )}
    </div>
  );
}
