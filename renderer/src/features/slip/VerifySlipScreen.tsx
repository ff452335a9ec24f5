import { Alert, Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chinaTime, describeRetired, describeSkew, matchSubject, slipFields } from '../../../../shared/slip';
import { describeFailure, formatAge, formatDateTime } from '../../i18n';
import { useStores } from '../../stores/context';
import type { Outcome, SlipCheck } from '../../services/contracts';

const yes = (ok: boolean, text: string, testId: string) => (
  <Tag color={ok ? 'green' : 'red'} data-testid={testId}>
    {text}
  </Tag>
);

/** What the platform said about its own record of the check (online), or why it was not asked. */
function platformTag(result: SlipCheck) {
  const platform = result.platform;
  if (!platform)
    return (
      <Tag data-testid="verify-platform">
        {result.platformError ? `未能询问平台：${describeFailure(result.platformError)}` : '离线：未询问平台'}
      </Tag>
    );
  return yes(
    platform.sameRecord,
    platform.sameRecord ? '平台记录一致' : platform.recordFound ? '与平台记录不一致' : '平台无此记录',
    'verify-platform',
  );
}

/** Whether the terminal's key stands, and how old the revocation list behind that answer is. */
function keyStatus(result: SlipCheck) {
  const v = result.verification;
  const revoked = v.problems.some((p) => p.code === 'revoked_key');
  const list = result.revocations;
  const age = list ? `吊销名单：平台 ${formatDateTime(list.issuedAt)} 签发（${formatAge(list.ageSeconds)}），共 ${list.count} 把` : null;
  return (
    <div className="verify-cell">
      {revoked ? (
        <Tag color="red" data-testid="verify-key">
          已吊销（核查时间在吊销之后）
        </Tag>
      ) : v.retiredAt !== null ? (
        <Tag color="orange" data-testid="verify-key" title={describeRetired(v.retiredAt)}>
          {`已于 ${chinaTime(v.retiredAt)} 退役，本单签于退役之前`}
        </Tag>
      ) : (
        <Tag color={list ? 'green' : 'default'} data-testid="verify-key">
          {list ? '未吊销' : '无法判断：本机没有吊销名单'}
        </Tag>
      )}
      <Typography.Text type="secondary" data-testid="verify-revocations">
        {age ?? '本机尚未取得平台签发的吊销名单（联网后核验一次即可取得）'}
      </Typography.Text>
    </div>
  );
}

/**
 * 核验核查单: a USB scanner types the slip's QR into the field (it acts as a keyboard and ends with
 * Enter), or the reference number is typed. Shows, as a table, what verifies, what the platform says
 * and the slip's contents as signed. Opened from the supervisor's records with a slip already chosen.
 */
export function VerifySlipScreen() {
  const stores = useStores();
  // A slip chosen on another screen (the supervisor's records) is verified on arrival.
  const [requested] = useState(() => stores.slip.getState().takeVerificationRequest());
  const [input, setInput] = useState(requested ?? '');
  const [busy, setBusy] = useState(requested !== null);
  const [result, setResult] = useState<SlipCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [card, setCard] = useState('');

  function show(outcome: Outcome<SlipCheck>) {
    setBusy(false);
    if (outcome.ok) setResult(outcome.value);
    else {
      setResult(null);
      setError(describeFailure(outcome.error));
    }
  }

  async function verify(text: string) {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    setCard('');
    show(await stores.slip.getState().verify(text));
  }

  useEffect(() => {
    if (requested) void stores.slip.getState().verify(requested).then(show);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, [requested]);

  const v = result?.verification;
  const match = v?.statement && card.trim() ? matchSubject(v.statement, card) : null;
  // The skew is shown once, with the checks above.
  const fields = v ? slipFields(v).filter((f) => f.label !== '终端时钟偏差') : [];

  return (
    <div className="screen verify-slip-screen">
      <h2>核验核查单</h2>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          autoFocus
          data-testid="verify-input"
          placeholder="用扫码枪扫描核查单二维码，或输入核验码（如 2EW1P-52G28）"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onPressEnter={() => void verify(input)}
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="primary" loading={busy} onClick={() => void verify(input)} data-testid="verify-run">
          核验
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon title={error} data-testid="verify-error" />}
      {result && v && (
        <div className="verify-result" data-testid="verify-result" data-valid={String(v.valid)}>
          <Alert
            type={v.valid ? 'success' : 'error'}
            showIcon
            data-testid="verify-verdict"
            title={v.valid ? '核验通过：终端签名有效，数据版本有平台担保' : '核查单未通过核验'}
            description={v.problems.length > 0 ? v.problems.map((p) => p.message).join('；') : undefined}
          />
          <Descriptions size="small" column={1} bordered title="核验项" className="verify-checks" styles={{ label: { width: 200 } }}>
            <Descriptions.Item label="终端签名">
              {yes(v.terminalSignatureValid, v.terminalSignatureValid ? '终端签名有效' : '终端签名无效', 'verify-terminal')}
            </Descriptions.Item>
            <Descriptions.Item label="数据版本">
              {yes(v.platformVouchesData, v.platformVouchesData ? '平台为数据版本担保' : '数据版本无平台签名', 'verify-data')}
            </Descriptions.Item>
            <Descriptions.Item label="终端密钥">{keyStatus(result)}</Descriptions.Item>
            <Descriptions.Item label="平台记录">
              <div className="verify-cell">
                {platformTag(result)}
                {result.platform?.differences.map((d) => (
                  <Typography.Text type="warning" key={d}>
                    {d}
                  </Typography.Text>
                ))}
              </div>
            </Descriptions.Item>
            {v.statement && (
              <Descriptions.Item label="终端时钟偏差">
                <span data-testid="verify-skew">{describeSkew(v.statement.clockSkewSeconds)}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {fields.length > 0 && (
            <Descriptions
              size="small"
              column={2}
              bordered
              title="核查单内容（按终端签署原样）"
              data-testid="verify-contents"
              styles={{ label: { width: 200 } }}
            >
              {fields.map((f) => (
                <Descriptions.Item key={f.label} label={f.label}>
                  {f.value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {v.statement && (
            <Space>
              <Input
                placeholder="核对证件：输入申请人证件号码"
                value={card}
                onChange={(e) => setCard(e.target.value)}
                data-testid="verify-card"
                autoComplete="off"
              />
              {match &&
                (match.ok ? (
                  yes(match.matches, match.matches ? '与核查对象一致' : '不是核查对象', 'verify-card-match')
                ) : (
                  <Tag color="orange">{match.message}</Tag>
                ))}
            </Space>
          )}
        </div>
      )}
    </div>
  );
}
