/**
 * One feedback rule: the counter's form, the terminal's records service and the platform's outbox refuse
 * the same incomplete feedback, each with the same message.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxResponse } from '../../../shared/contract';
import type { CheckView, FeedbackInput } from '../../../renderer/src/services/contracts';
import { createServices, type CreditCounterServices } from '../../../renderer/src/services/createServices';
import { memoryHost } from '../../helpers/memoryHost';
import { describeFailure } from '../../../renderer/src/i18n';
import { EMPTY_DRAFT, validateFeedback } from '../../../renderer/src/stores/feedbackStore';
import {
  call,
  checkBody,
  enrolAndLogin,
  feedbackBody,
  mutation,
  sampleCaseNo,
  startTestPlatform,
  type TestPlatform,
} from '../../helpers/platform';

let t: TestPlatform;
let services: CreditCounterServices;
let view: CheckView;

beforeAll(async () => {
  t = await startTestPlatform();
  services = await createServices({
    host: memoryHost(),
    dbNames: { cache: `rule-cache-${Date.now()}`, journal: `rule-journal-${Date.now()}` },
    sync: { autoStart: false, spreadMaxMs: 0, immediatePushWaitMs: 3_000 },
    platform: { adapter: 'http' },
  });
  const enrolled = await services.enrolment.enrol({
    platformUrl: t.platform.url,
    enrolmentCode: t.platform.enrolmentCode,
    terminalName: '规则窗口',
  });
  expect(enrolled.ok).toBe(true);
  const clerk = t.platform.operators[0]!;
  expect((await services.auth.login(clerk.id, clerk.password)).ok).toBe(true);
  const looked = await services.lookup.byIdentifier(checkBody().subjectIdentifier, { matterCode: 'PX-MF', caseNo: sampleCaseNo('PX-MF') });
  if (!looked.ok) throw new Error(looked.error.message);
  view = looked.value;
});
afterAll(async () => {
  await services?.close();
  await t?.platform.close();
});

/** What the platform says when this feedback arrives for an accepted check. */
async function platformRefusal(input: FeedbackInput): Promise<string | undefined> {
  const login = await enrolAndLogin(t);
  const check = checkBody({ triggeredMeasures: [input.measureCode] });
  const { measureCode: _m, ...fields } = input;
  const res = await call(`${t.api}/outbox`, {
    token: login.token,
    body: {
      terminalId: login.terminalId,
      mutations: [
        mutation(1, 'check', check),
        mutation(2, 'feedback', feedbackBody(check.checkId, { measureCode: input.measureCode, ...fields })),
      ],
    },
  });
  const results = OutboxResponse.parse(res.body).results;
  expect(results[0]?.status).toBe('accepted');
  return results[1]?.problem?.detail;
}

describe('the feedback rule', () => {
  it.each([
    ['未实施 without a reason', { decision: 'NOT_APPLIED' as const, reason: '  ' }, '必须填写原因'],
    ['采取其他措施 without its result', { decision: 'OTHER_MEASURE' as const, content: '约谈负责人' }, '措施内容和实施结果'],
  ])('refuses %s with one message on the form, in the terminal and on the platform', async (_name, fields, says) => {
    const triggered = view.evaluation.must[0] ?? view.evaluation.may[0]!;
    const input: FeedbackInput = { measureCode: triggered.measure.code, ...fields };

    const form = validateFeedback([triggered], { [input.measureCode]: { ...EMPTY_DRAFT, ...fields } });
    const terminal = await services.records.submitFeedback(view.checkId, [input]);
    const platform = await platformRefusal(input);

    expect(form.ok).toBe(false);
    expect(terminal.ok).toBe(false);
    const formMessage = form.ok ? '' : form.message;
    expect(formMessage).toContain(triggered.measure.title);
    expect(formMessage).toContain(says);
    // The terminal refuses by code; the screen words it with the catalogue.
    expect(terminal.ok ? '' : describeFailure(terminal.error)).toBe(formMessage);
    expect(platform).toBe(formMessage);
    expect(await services.internals.journal.feedback.count()).toBe(0);
  });
});
