import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { catalogue, entry, LIST_BLACK, MATTER, profileOf, residentId } from '../../../../tests/helpers/fixtures';
import type { Catalogue } from '../../../../shared/contract';
import type { CheckView } from '../../services/contracts';
import { createStore } from '../../state';
import { StoresProvider } from '../../stores/context';
import type { AppStores } from '../../stores/createAppStores';
import { CommitmentPanel } from './CommitmentPanel';

const ID = residentId();

function render(kinds: Catalogue['commitmentKinds']): string {
  const cat: Catalogue = { ...catalogue(), commitmentKinds: kinds };
  const stores = {
    commitment: createStore(() => ({ byCheck: {}, submitting: false, record: async () => ({ ok: true }) })),
    purpose: createStore(() => ({ catalogue: cat })),
  } as unknown as AppStores;
  const view = {
    checkId: 'chk-1',
    checkedAt: '2026-12-02T02:00:00Z',
    matter: cat.matters.find((m) => m.code === MATTER)!,
    profile: profileOf([entry({ identifier: ID, listType: LIST_BLACK })], ID),
  } as unknown as CheckView;
  return renderToStaticMarkup(
    <StoresProvider stores={stores}>
      <CommitmentPanel view={view} />
    </StoresProvider>,
  );
}

describe('CommitmentPanel for a subject on a serious black list', () => {
  it('says why when no kind of commitment is open to the subject, and offers none', () => {
    const html = render([
      { name: '审批替代型承诺', notForListTypes: [LIST_BLACK] },
      { name: '容缺受理型承诺', notForListTypes: [LIST_BLACK] },
    ]);
    expect(html).toContain('data-testid="commitment-none-eligible"');
    expect(html).toContain('该主体不能作出本系统所列的任何信用承诺');
    expect(html).toContain('列入“失信被执行人”名单的主体不能作出“审批替代型承诺”');
    expect(html).toMatch(/<button[^>]*data-testid="commitment-open"[^>]*disabled=""/);
    // No invitation to record a commitment that cannot be made.
    expect(html).not.toContain('为本事项中的申请人记录一份信用承诺');
  });

  it('offers the kinds still open without that notice', () => {
    const html = render([
      { name: '审批替代型承诺', notForListTypes: [LIST_BLACK] },
      { name: '信用修复型承诺', notForListTypes: [] },
    ]);
    expect(html).not.toContain('commitment-none-eligible');
    expect(html).not.toMatch(/<button[^>]*data-testid="commitment-open"[^>]*disabled=""/);
    expect(html).toContain('为本事项中的申请人记录一份信用承诺');
  });
});
