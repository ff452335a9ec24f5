/**
 * Security descriptors as `(Get-Acl -LiteralPath <path>).Sddl` prints them. SDDL is the same whatever the
 * display language: a Chinese and an English Windows print the same aliases (BA, SY, BU…) and SID
 * strings; only the SIDs of local and domain accounts differ from machine to machine. icacls's text is
 * not a fixture on purpose: it names accounts and rights in the display language (German Windows writes
 * "VORDEFINIERT\Benutzer", Chinese Windows reports "已成功处理 1 个文件"), so the app never reads it.
 */

/** A standard user's SID on the English (en-US) test PC and on the Chinese (zh-CN) one. */
export const EN_US_CLERK = 'S-1-5-21-3623811015-3361044348-30300820-1013';
export const ZH_CN_CLERK = 'S-1-5-21-2140298417-3885243116-2591520137-1001';
export const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3425868253-1451283380-2612590291';

export const SDDL = {
  /** C:\ProgramData itself: users may create files and folders in it (CI: DCLCRPCR = add file, add subfolder…). */
  programData:
    'O:SYG:SYD:P(A;OICIIO;GA;;;CO)(A;OICIIO;GA;;;SY)(A;;FA;;;SY)(A;OICIIO;GA;;;BA)(A;;FA;;;BA)(A;OICI;0x1200a9;;;BU)(A;CI;DCLCRPCR;;;BU)',

  /** %ProgramData%\CreditCounter as the old installer left it: everything inherited, so users may add files. */
  folderInherited_enUS:
    'O:BAG:S-1-5-21-3623811015-3361044348-30300820-513D:AI(A;OICIIOID;GA;;;CO)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;SY)(A;OICIIOID;GA;;;BA)(A;ID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)',
  folderInherited_zhCN:
    'O:BAG:S-1-5-21-2140298417-3885243116-2591520137-513D:AI(A;OICIIOID;GA;;;CO)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;SY)(A;OICIIOID;GA;;;BA)(A;ID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)',

  /** The folder after the installer's icacls (owner Administrators, inheritance off, SYSTEM/Administrators full, Users read). */
  folderSecured_enUS: 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)',
  folderSecured_zhCN: 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)',

  /** config.json written by IT (elevated) in the secured folder: inherited ACEs only. */
  fileByIt: 'O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)',
  /** config.json copied by a GPO preference or SCCM (running as SYSTEM). */
  fileBySystem: 'O:SYG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)',

  /** config.json a standard user dropped into the inherited folder: they own it and CREATOR OWNER gave them full control. */
  fileByClerk_enUS: `O:${EN_US_CLERK}G:S-1-5-21-3623811015-3361044348-30300820-513D:AI(A;ID;FA;;;${EN_US_CLERK})(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)`,
  fileByClerk_zhCN: `O:${ZH_CN_CLERK}G:S-1-5-21-2140298417-3885243116-2591520137-513D:AI(A;ID;FA;;;${ZH_CN_CLERK})(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)`,

  /** Owned by Administrators but someone granted Users "modify" (0x1301bf) by hand. */
  fileUsersModify: 'O:BAG:SYD:AI(A;;0x1301bf;;;BU)(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)',
  /** Everyone may write (FW), Authenticated Users may change the ACL (WD), Interactive users may delete (SD). */
  fileEveryoneWrite: 'O:BAG:SYD:(A;;FW;;;WD)(A;;FA;;;BA)',
  fileAuthenticatedUsersWriteDac: 'O:BAG:SYD:(A;;RCWD;;;AU)(A;;FA;;;BA)',
  fileInteractiveDelete: 'O:BAG:SYD:(A;;SD;;;IU)(A;;FA;;;BA)',
  /** No DACL at all: everyone has full access. */
  fileNullDacl: 'O:BAG:SYD:NO_ACCESS_CONTROL',
  /** An empty DACL: nobody but the owner (implicitly) may touch it. */
  fileEmptyDacl: 'O:BAG:SYD:P',

  /** A domain PC (zh-CN): Domain Admins own it, the domain's Enterprise Admins and TrustedInstaller write, Users read. */
  fileDomainAdmins: `O:DAG:DUD:P(A;;FA;;;DA)(A;;FA;;;EA)(A;;FA;;;${TRUSTED_INSTALLER})(A;;FA;;;SY)(A;;FR;;;BU)(A;;FR;;;AC)`,
  /** Write for a named domain group (not an administrators group) on a domain PC. */
  fileDomainGroupWrite: 'O:BAG:DUD:P(A;;FA;;;BA)(A;;0x1201bf;;;S-1-5-21-1004336348-1177238915-682003330-1125)',
  /** Inherit-only grants do not apply to the file itself; a conditional read grant is harmless. */
  fileInheritOnlyAndConditional:
    'O:SYG:SYD:P(A;OICIIO;GA;;;CO)(A;;FA;;;SY)(A;;FA;;;BA)(XA;;FR;;;WD;(@User.Department == "IT"))(A;;0x1200a9;;;BU)',
  /** A conditional grant of write is still a grant of write. */
  fileConditionalWrite: 'O:BAG:SYD:P(A;;FA;;;BA)(XA;;FW;;;WD;(Member_of {SID(BU)}))',
  /** Deny ACEs are not weighed: Users' "modify" still grants DELETE, which the deny of FW does not cover. */
  fileDenyThenAllow: 'O:BAG:SYD:P(D;;FW;;;BU)(A;;FA;;;BA)(A;;0x1301bf;;;BU)',
} as const;
