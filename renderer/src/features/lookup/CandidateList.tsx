import { Empty, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useStores } from '../../app/context';
import { t } from '../../i18n';
import type { Purpose } from '../../services/contracts';
import { useStore } from '../../state';

/** Name-search candidates with masked IDs: ↑/↓ to move, Enter to choose, Esc back to the field. */
export function CandidateList({ purpose }: { purpose: Purpose | null }) {
  const stores = useStores();
  const candidates = useStore(stores.lookup, (s) => s.candidates);
  const more = useStore(stores.lookup, (s) => s.moreCandidates);
  const active = useStore(stores.lookup, (s) => s.activeCandidate);
  const busy = useStore(stores.lookup, (s) => s.busy);
  const { moveCandidate, choose, closeCandidates } = stores.lookup.getState();
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (candidates && candidates.length > 0) listRef.current?.focus();
  }, [candidates]);

  if (candidates === null) return null;
  if (candidates.length === 0) {
    return (
      <div className="panel candidate-panel">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.lookup.noCandidates} />
      </div>
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        moveCandidate(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        moveCandidate(-1);
        break;
      case 'Enter':
        if (e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        void choose(active, purpose);
        break;
      case 'Escape':
        e.preventDefault();
        closeCandidates();
        break;
      default:
        break;
    }
  }

  const activeId = `candidate-${active}`;
  return (
    <div className="panel candidate-panel">
      <Typography.Text strong id="candidate-title">
        {more ? t.lookup.candidatesTitleCut(candidates.length) : t.lookup.candidatesTitle(candidates.length)}
      </Typography.Text>
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-labelledby="candidate-title"
        aria-activedescendant={activeId}
        aria-busy={busy}
        className="candidate-list"
        onKeyDown={onKeyDown}
        data-testid="candidate-list"
      >
        {candidates.map((c, i) => (
          <div
            key={c.ref}
            id={`candidate-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'candidate candidate-active' : 'candidate'}
            onClick={() => void choose(i, purpose)}
          >
            <span className="candidate-name">{c.name}</span>
            <span className="candidate-id mono">{c.masked}</span>
            <Tag>{t.domain.kind[c.kind]}</Tag>
            <Tag color={c.entryCount > 0 ? 'orange' : 'default'}>{t.lookup.candidateEntries(c.entryCount)}</Tag>
          </div>
        ))}
      </div>
    </div>
  );
}
