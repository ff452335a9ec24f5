import { describe, expect, it } from 'vitest';
import { parseOperatorSpec } from './options';
import { isAtLeast } from './semver';

describe('--operator', () => {
  it('parses ID:PASSWORD:ROLE with a default name and department', () => {
    expect(parseOperatorSpec('c002:secret:clerk')).toEqual({
      id: 'c002',
      password: 'secret',
      roles: ['clerk'],
      name: '窗口工作人员c002',
      department: '环翠区政务服务中心',
    });
    expect(parseOperatorSpec('s002:pw:supervisor,clerk').roles).toEqual(['supervisor', 'clerk']);
  });

  it('takes a department; a supervisor sees their own department unless written supervisor=city; IT is a role too', () => {
    expect(parseOperatorSpec('s003:pw:supervisor:文登区政务服务中心')).toMatchObject({
      roles: ['supervisor'],
      department: '文登区政务服务中心',
      supervisorScope: 'department',
    });
    expect(parseOperatorSpec('s004:pw:supervisor=city')).toMatchObject({ roles: ['supervisor'], supervisorScope: 'city' });
    expect(parseOperatorSpec('i002:pw:it')).toMatchObject({ roles: ['it'] });
    expect(parseOperatorSpec('c003:pw:clerk')).not.toHaveProperty('supervisorScope');
  });

  it('refuses malformed specs and unknown roles', () => {
    expect(() => parseOperatorSpec('c002:secret')).toThrow();
    expect(() => parseOperatorSpec('c002:secret:admin')).toThrow();
    expect(() => parseOperatorSpec('c002:secret:clerk:')).toThrow();
    expect(() => parseOperatorSpec('c002:secret:clerk:a:b')).toThrow();
  });
});

describe('client version check', () => {
  it('compares semantically; missing or unparseable versions are too old', () => {
    expect(isAtLeast('0.1.0', '0.1.0')).toBe(true);
    expect(isAtLeast('0.10.0', '0.9.1')).toBe(true);
    expect(isAtLeast('1.0.0-beta.1', '1.0.0')).toBe(false);
    expect(isAtLeast('0.0.9', '0.1.0')).toBe(false);
    expect(isAtLeast(undefined, '0.1.0')).toBe(false);
    expect(isAtLeast('v1', '0.1.0')).toBe(false);
  });
});
