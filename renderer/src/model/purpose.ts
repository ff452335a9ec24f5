/** The stated purpose of a check: no lookup without a matter and a case number. */
export interface Purpose {
  matterCode: string;
  caseNo: string;
}
