import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURE_FOLDER_GRANTS, secureFolderCommands } from './configSources';
import { EN_US_CLERK, SDDL, TRUSTED_INSTALLER, ZH_CN_CLERK } from './__fixtures__/windowsAcl';
import { isAdministrativeSid, judgeSecurityDescriptor, nonAdministrativeWriters, parseSddl } from './windowsAcl';

describe('SDDL parsing', () => {
  it('reads the owner and the DACL entries with their rights as numbers', () => {
    const descriptor = parseSddl(SDDL.folderSecured_enUS);
    expect(descriptor.owner).toBe('BA');
    expect(descriptor.dacl).toEqual([
      { type: 'A', flags: ['OI', 'CI'], mask: 0x1f01ff, sid: 'SY' },
      { type: 'A', flags: ['OI', 'CI'], mask: 0x1f01ff, sid: 'BA' },
      { type: 'A', flags: ['OI', 'CI'], mask: 0x1200a9, sid: 'BU' },
    ]);
  });

  it('reads SID owners, letter rights and conditional entries with nested parentheses', () => {
    expect(parseSddl(SDDL.fileByClerk_zhCN).owner).toBe(ZH_CN_CLERK);
    expect(parseSddl(SDDL.programData).dacl?.at(-1)).toEqual({ type: 'A', flags: ['CI'], mask: 0x2 | 0x4 | 0x10 | 0x100, sid: 'BU' });
    const conditional = parseSddl(SDDL.fileConditionalWrite).dacl?.at(-1);
    expect(conditional).toMatchObject({ type: 'XA', sid: 'WD', mask: 0x120116 });
  });

  it('knows "no DACL" from an empty one', () => {
    expect(parseSddl(SDDL.fileNullDacl).dacl).toBeNull();
    expect(parseSddl(SDDL.fileEmptyDacl).dacl).toEqual([]);
    expect(parseSddl('O:BAG:SY').dacl).toBeNull();
  });

  it('rejects what is not SDDL, such as icacls text or an error message', () => {
    for (const text of [
      '',
      'C:\\ProgramData\\CreditCounter BUILTIN\\Administrators:(OI)(CI)(F)',
      '已成功处理 1 个文件; 处理 0 个文件时失败',
      'O:BAG:SYD:(A;;FA;;;BA',
      'O:BAG:SYD:(A;;QQ;;;BA)',
      'O:BAG:SYD:(A;;FA;;BA)',
      'O:BAG:SYD:X(A;;FA;;;BA)',
    ]) {
      expect(() => parseSddl(text), text).toThrow();
    }
  });
});

describe('who may change the file', () => {
  it('administrators, SYSTEM, TrustedInstaller and domain administrators are administrative; users are not', () => {
    for (const sid of ['BA', 'SY', 'S-1-5-18', 'S-1-5-32-544', TRUSTED_INSTALLER, 'DA', 'EA', 'LA', 'S-1-5-21-1-2-3-512']) {
      expect(isAdministrativeSid(sid), sid).toBe(true);
    }
    for (const sid of ['BU', 'AU', 'WD', 'IU', 'PU', 'S-1-5-32-545', EN_US_CLERK, 'S-1-5-21-1-2-3-513', 'S-1-5-80-1-2-3-4-5']) {
      expect(isAdministrativeSid(sid), sid).toBe(false);
    }
  });

  it('finds the users an inherited ProgramData folder lets add files, on English and Chinese Windows', () => {
    expect(nonAdministrativeWriters(parseSddl(SDDL.folderInherited_enUS))).toEqual(['BU']);
    expect(nonAdministrativeWriters(parseSddl(SDDL.folderInherited_zhCN))).toEqual(['BU']);
  });

  it('ignores inherit-only entries and CREATOR OWNER, counts conditional grants', () => {
    expect(nonAdministrativeWriters(parseSddl(SDDL.fileInheritOnlyAndConditional))).toEqual([]);
    expect(nonAdministrativeWriters(parseSddl(SDDL.fileConditionalWrite))).toEqual(['WD']);
  });
});

describe('the verdict on a machine configuration file or folder', () => {
  it('trusts what the installer and IT create', () => {
    for (const sddl of [
      SDDL.folderSecured_enUS,
      SDDL.folderSecured_zhCN,
      SDDL.fileByIt,
      SDDL.fileBySystem,
      SDDL.fileDomainAdmins,
      SDDL.fileEmptyDacl,
    ]) {
      expect(judgeSecurityDescriptor(sddl), sddl).toEqual({ trusted: true });
    }
  });

  it('refuses every way a standard user could have written or could replace it', () => {
    const cases: [string, RegExp][] = [
      [SDDL.folderInherited_enUS, /Users（S-1-5-32-545） 可以修改/],
      [SDDL.folderInherited_zhCN, /Users/],
      [SDDL.fileByClerk_enUS, new RegExp(`所有者 ${EN_US_CLERK} 不是`)],
      [SDDL.fileByClerk_zhCN, new RegExp(`所有者 ${ZH_CN_CLERK} 不是`)],
      [SDDL.fileUsersModify, /Users/],
      [SDDL.fileEveryoneWrite, /Everyone/],
      [SDDL.fileAuthenticatedUsersWriteDac, /Authenticated Users/],
      [SDDL.fileInteractiveDelete, /INTERACTIVE/],
      [SDDL.fileNullDacl, /Everyone/],
      [SDDL.fileDomainGroupWrite, /S-1-5-21-1004336348-1177238915-682003330-1125 可以修改/],
      [SDDL.fileConditionalWrite, /Everyone/],
      [SDDL.fileDenyThenAllow, /Users/],
      ['not sddl at all', /无法解析/],
    ];
    for (const [sddl, reason] of cases) {
      const verdict = judgeSecurityDescriptor(sddl);
      expect(verdict.trusted, sddl).toBe(false);
      if (!verdict.trusted) expect(verdict.reason, sddl).toMatch(reason);
    }
  });
});

describe('the installer sets the ACL the app trusts', () => {
  const installer = readFileSync(new URL('../../../build/installer.nsh', import.meta.url), 'utf8');

  it('grants with language-neutral SIDs exactly what the app tells IT to run', () => {
    for (const grant of SECURE_FOLDER_GRANTS) expect(installer).toContain(grant);
    expect(installer).toContain('/setowner *S-1-5-32-544');
    expect(installer).toContain('/inheritance:r');
    expect(installer).not.toMatch(/BUILTIN|Administrators:|Users:/);
    expect(secureFolderCommands('C:\\ProgramData\\CreditCounter')[2]).toBe(
      'icacls "C:\\ProgramData\\CreditCounter" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX',
    );
  });

  it('never hands a file someone else put in the folder to Administrators', () => {
    // Earlier installers left the folder writable by every user, so a config.json already there may be a
    // clerk's. Taking ownership of everything below the folder (/setowner … /T) would make that file pass
    // the owner rule unread; only the folder itself changes owner, and the clerk's file stays refused.
    const setowner = (line: string) => /\/setowner\b/i.test(line);
    const installerLines = installer.split(/\r?\n/).filter(setowner);
    expect(installerLines.length).toBeGreaterThan(0);
    for (const line of [...installerLines, ...secureFolderCommands('C:\\ProgramData\\CreditCounter').filter(setowner)]) {
      expect(line).not.toMatch(/\s\/T\b/i);
    }
    expect(judgeSecurityDescriptor(SDDL.fileByClerk_zhCN).trusted).toBe(false);
  });

  it('the ACL those grants produce is trusted by the app', () => {
    // What Get-Acl prints for the folder after the installer's icacls commands.
    expect(judgeSecurityDescriptor('O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)')).toEqual({ trusted: true });
  });
});
