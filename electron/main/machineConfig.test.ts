import { beforeEach, describe, expect, it, vi } from 'vitest';

const spawned = vi.hoisted(() => ({
  calls: [] as { file: string; args: string[]; env: Record<string, string | undefined> | undefined }[],
  stdout: Buffer.from(''),
  error: null as (Error & { code?: number }) | null,
}));

vi.mock('node:child_process', () => ({
  execFile: (
    file: string,
    args: string[],
    options: { env?: Record<string, string | undefined> },
    callback: (error: Error | null, stdout: Buffer, stderr: Buffer) => void,
  ) => {
    spawned.calls.push({ file, args, env: options.env });
    callback(spawned.error, spawned.stdout, Buffer.from(''));
  },
}));

const { queryRegistry, readSecurityDescriptors } = await import('./machineConfig');

beforeEach(() => {
  vi.unstubAllEnvs();
  spawned.calls.length = 0;
  spawned.stdout = Buffer.from('');
  spawned.error = null;
});

describe('Windows system tools', () => {
  it('runs reg.exe by its absolute system path, never through the search path', async () => {
    spawned.stdout = Buffer.from('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CreditCounter\r\n    kiosk    REG_DWORD    0x1\r\n');
    vi.stubEnv('PATH', 'C:\\Users\\clerk\\bin');
    const output = await queryRegistry('HKLM\\SOFTWARE\\Policies\\CreditCounter');
    expect(output).toContain('kiosk');
    expect(spawned.calls[0]?.file).toBe('C:\\Windows\\System32\\reg.exe');
    expect(spawned.calls[0]?.args).toEqual(['query', 'HKLM\\SOFTWARE\\Policies\\CreditCounter']);
  });

  it('takes the system folder from no environment variable: a clerk could point it at a fake reg.exe or PowerShell', async () => {
    // `set SystemRoot=C:\Users\clerk\fake` before starting the app would otherwise make every policy and the
    // machine file's permissions whatever the clerk's own reg.exe and powershell.exe print.
    for (const [name, value] of [
      ['SystemRoot', 'C:\\Users\\clerk\\fake'],
      ['SYSTEMROOT', 'D:\\fake'],
      ['windir', 'C:\\Users\\clerk\\fake'],
      ['SystemRoot', '\\\\server\\share\\Windows'],
    ] as const) {
      vi.stubEnv(name, value);
      spawned.calls.length = 0;
      spawned.stdout = Buffer.from('O:BAG:SYD:P\r\n');
      await queryRegistry('HKLM\\X');
      await readSecurityDescriptors(['C:\\ProgramData\\CreditCounter']);
      expect(spawned.calls.map((call) => call.file)).toEqual([
        'C:\\Windows\\System32\\reg.exe',
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      ]);
      vi.unstubAllEnvs();
    }
  });

  it('a missing policy key is null (reg exits with 1)', async () => {
    spawned.error = Object.assign(new Error('exit 1'), { code: 1 });
    expect(await queryRegistry('HKLM\\X')).toBeNull();
  });

  it('reads security descriptors with Windows PowerShell, passing the paths outside the command text', async () => {
    spawned.stdout = Buffer.from('O:BAG:SYD:PAI(A;OICI;FA;;;SY)\r\nO:BAG:SYD:AI(A;ID;FA;;;SY)\r\n');
    const paths = ['C:\\ProgramData\\CreditCounter', "C:\\ProgramData\\CreditCounter\\config.json'; Remove-Item C:\\ -Recurse; '"];
    const sddl = await readSecurityDescriptors(paths, {});
    expect(sddl).toEqual(['O:BAG:SYD:PAI(A;OICI;FA;;;SY)', 'O:BAG:SYD:AI(A;ID;FA;;;SY)']);
    const call = spawned.calls[0]!;
    expect(call.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(call.args.join(' ')).not.toContain('ProgramData');
    expect(call.env?.CREDIT_COUNTER_ACL_PATHS).toBe(paths.join('|'));
  });

  it('refuses an answer with the wrong number of lines', async () => {
    spawned.stdout = Buffer.from('O:BAG:SYD:PAI(A;OICI;FA;;;SY)\r\n');
    await expect(readSecurityDescriptors(['a', 'b'], {})).rejects.toThrow(/PowerShell/);
  });
});
