import { Alert, Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { describeSlip, matchSubject } from '../../../../shared/slip';
import { useStores } from '../../stores/context';
import type { SlipCheck } from '../../services/contracts';
import { describeFailure } from '../../i18n';

/**
 * 核验核查单: a USB scanner types the slip's QR into the field (it acts as a keyboard and ends with
 * Enter), or the reference number is typed. Shows what verifies, what the platform says, and the
 * slip's contents as signed.
 */
export function VerifySlipScreen() {
  const stores = useStores();
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SlipCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [card, setCard] = useState('');

  async function verify() {
    if (!input.trim()) return;
    setBusy(true);
    setError(null);
    const outcome = await stores.slip.getState().verify(input);
    setBusy(false);
    if (outcome.ok) setResult(outcome.value);
    else {
      setResult(null);
      setError(describeFailure(outcome.error));
    }
  }

  const v = result?.verification;
  const platform = result?.platform;
  const match = v?.statement && card.trim() ? matchSubject(v.statement, card) : null;
  const yes = (ok: boolean, text: string, testId: string) => (
    <Tag color={ok ? 'green' : 'red'} data-testid={testId}>
      {text}
    </Tag>
  );

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
          onPressEnter={() => void verify()}
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="primary" loading={busy} onClick={() => void verify()} data-testid="verify-run">
          核验
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon title={error} data-testid="verify-error" />}
      {v && (
        <div className="verify-result" data-testid="verify-result" data-valid={String(v.valid)}>
          <Space wrap>
            {yes(v.terminalSignatureValid, v.terminalSignatureValid ? '终端签名有效' : '终端签名无效', 'verify-terminal')}
            {yes(v.platformVouchesData, v.platformVouchesData ? '平台为数据版本担保' : '数据版本无平台签名', 'verify-data')}
            {platform ? (
              yes(
                platform.sameRecord,
                platform.sameRecord ? '平台记录一致' : platform.recordFound ? '与平台记录不一致' : '平台无此记录',
                'verify-platform',
              )
            ) : (
              <Tag data-testid="verify-platform">
                {result?.platformError ? `未能询问平台：${describeFailure(result.platformError)}` : '离线：未询问平台'}
              </Tag>
            )}
          </Space>
          {v.problems.length > 0 && (
            <Alert type="error" showIcon title="核查单未通过核验" description={v.problems.map((p) => p.message).join('；')} />
          )}
          {platform && platform.differences.length > 0 && <Alert type="warning" showIcon title={platform.differences.join('；')} />}
          <pre className="verify-contents" data-testid="verify-contents">
            {describeSlip(v).join('\n')}
          </pre>
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
