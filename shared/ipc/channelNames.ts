/** The IPC channel names alone, so the sandboxed preload does not bundle the schemas (channels.ts has them). */
export const IPC_CHANNEL_NAMES = {
  getConfig: 'cc:config:get',
  enrolTerminal: 'cc:terminal:enrol',
  createSession: 'cc:terminal:session',
  clearTerminalSecret: 'cc:secret:clear',
  printSlip: 'cc:print',
  enrolledTerminal: 'cc:terminal:enrolled',
  saveJournalExport: 'cc:journal:export',
  createSlipKey: 'cc:slip-key:create',
  adoptSlipKey: 'cc:slip-key:adopt',
  signSlipStatement: 'cc:slip-key:sign',
  log: 'cc:log',
} as const;
