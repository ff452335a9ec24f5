import type { Catalogue, Matter } from '../../../shared/contract';
import { checkCaseNo } from '../../../shared/purpose';
import { describeError } from '../i18n';
import type { AppServices, Purpose } from '../services/contracts';
import { createStore } from '../state';

/** 查询事由: the matter and the case number. No purpose, no lookup. */
export interface PurposeState {
  catalogue: Catalogue | null;
  loading: boolean;
  loadError: string | null;
  /** true once a load finished (so "no catalogue" can be told from "still loading"). */
  loaded: boolean;
  matterCode: string | null;
  caseNo: string;

  loadCatalogue(): Promise<void>;
  setMatter(code: string | null): void;
  setCaseNo(caseNo: string): void;
  clear(): void;
}

export const CASE_NO_MAX = 64;

/** The purpose when it is complete (and the case number has the matter's format, where it has one), else null. */
export function currentPurpose(s: Pick<PurposeState, 'catalogue' | 'matterCode' | 'caseNo'>): Purpose | null {
  const caseNo = s.caseNo.trim();
  if (!s.matterCode || caseNo.length === 0 || caseNo.length > CASE_NO_MAX) return null;
  const matter = findMatter(s.catalogue, s.matterCode);
  if (!matter || !checkCaseNo(matter, caseNo).ok) return null;
  return { matterCode: s.matterCode, caseNo };
}

/** What is wrong with the case number typed so far, in Chinese (null: nothing, or nothing typed yet). */
export function caseNoProblem(s: Pick<PurposeState, 'catalogue' | 'matterCode' | 'caseNo'>): string | null {
  const matter = findMatter(s.catalogue, s.matterCode);
  if (!matter || s.caseNo.trim() === '') return null;
  const check = checkCaseNo(matter, s.caseNo);
  return check.ok ? null : check.message;
}

export function findMatter(catalogue: Catalogue | null, code: string | null): Matter | undefined {
  return code ? catalogue?.matters.find((m) => m.code === code) : undefined;
}

export function createPurposeStore(services: AppServices) {
  return createStore<PurposeState>()((set) => ({
    catalogue: null,
    loading: false,
    loadError: null,
    loaded: false,
    matterCode: null,
    caseNo: '',

    async loadCatalogue() {
      set({ loading: true, loadError: null });
      try {
        const catalogue = await services.catalogue.get();
        set((s) => ({
          catalogue,
          loading: false,
          loaded: true,
          // A matter that left the catalogue can no longer be chosen.
          matterCode: catalogue?.matters.some((m) => m.code === s.matterCode) ? s.matterCode : null,
        }));
      } catch (error) {
        set({ loading: false, loaded: true, loadError: describeError(error) });
      }
    },

    setMatter(code) {
      set({ matterCode: code });
    },

    setCaseNo(caseNo) {
      set({ caseNo });
    },

    clear() {
      set({ matterCode: null, caseNo: '' });
    },
  }));
}

export type PurposeStore = ReturnType<typeof createPurposeStore>;
