; Included by electron-builder's NSIS script (nsis.include in electron-builder.yml).
; The installer is per-machine, so the shell context is "all users" and $APPDATA is %ProgramData%.

!include "WinVer.nsh"

; Electron 45 runs on Windows 10 and later only: refuse older systems (Windows 7, 8.1) at once, also in
; silent installs (/S), where the message goes nowhere and the exit code tells the deployment tool.
!macro customInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "信用核查窗口端需要 Windows 10 或更高版本，无法在此系统上安装。" /SD IDOK
    SetErrorLevel 1
    Quit
  ${EndIf}
!macroend

; Runs icacls (by its absolute path, never through PATH) and logs the exit code for IT; $0 is preserved.
!macro creditCounterIcacls ARGS
  Push $0
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" ${ARGS}'
  Pop $0
  DetailPrint 'icacls ${ARGS} -> $0'
  Pop $0
!macroend

!macro customInstall
  ; Where IT puts the managed configuration (config.json). The app trusts the file only if administrators
  ; alone can change it, so the folder gets its own ACL, set with language-neutral SIDs (names such as
  ; "Users" are translated on Chinese Windows): owner Administrators (S-1-5-32-544); SYSTEM (S-1-5-18)
  ; and Administrators full control; Users (S-1-5-32-545) read and execute; nothing inherited from
  ; %ProgramData%, where every user may create files. Existing files are reset to inherit exactly that, but
  ; keep their owner: earlier versions left the folder writable by every user, so a config.json a clerk put
  ; there stays theirs, and the app keeps refusing it until IT has read it and taken it over by hand.
  SetShellVarContext all
  ; A user may have created the folder first as a directory junction (users may create folders in
  ; %ProgramData%): icacls would secure its target, and the user could re-point the link at will. RMDir
  ; without /r removes a junction itself (never its target) or an empty folder, and fails harmlessly on a
  ; folder with files in it; the app refuses a link in any case.
  RMDir "$APPDATA\CreditCounter"
  CreateDirectory "$APPDATA\CreditCounter"
  !insertmacro creditCounterIcacls '"$APPDATA\CreditCounter" /setowner *S-1-5-32-544 /C /Q'
  !insertmacro creditCounterIcacls '"$APPDATA\CreditCounter" /reset /T /C /Q'
  !insertmacro creditCounterIcacls '"$APPDATA\CreditCounter" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q'

  ; A folder given with /D= outside Program Files inherits its parent's ACL, and on a data drive (D:\) users
  ; may usually create and change files there: anyone could then replace CreditCounter.exe for every user.
  ; Such a folder gets Program Files' protection: SYSTEM and Administrators full control, Users and app
  ; containers (S-1-15-2-1, S-1-15-2-2, which Chromium's sandboxed processes run in) read and execute.
  Push $1
  Push $2
  StrLen $1 "$PROGRAMFILES64\"
  StrCpy $2 "$INSTDIR\" $1
  ${If} $2 != "$PROGRAMFILES64\"
    !insertmacro creditCounterIcacls '"$INSTDIR" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX *S-1-15-2-1:(OI)(CI)RX *S-1-15-2-2:(OI)(CI)RX /Q'
  ${EndIf}
  Pop $2
  Pop $1
!macroend

!macro customUnInstall
  ; The managed configuration belongs to IT and the clerks' data to their profiles: both are kept.
!macroend
