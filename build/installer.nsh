; Included by electron-builder's NSIS script (nsis.include in electron-builder.yml).
; The installer is per-machine, so the shell context is "all users" and $APPDATA is %ProgramData%.

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
  ; %ProgramData%, where every user may create files. Existing files are reset to inherit exactly that.
  SetShellVarContext all
  CreateDirectory "$APPDATA\CreditCounter"
  !insertmacro creditCounterIcacls '"$APPDATA\CreditCounter" /setowner *S-1-5-32-544 /T /C /Q'
  !insertmacro creditCounterIcacls '"$APPDATA\CreditCounter" /reset /T /C /Q'
  !insertmacro creditCounterIcacls '"$APPDATA\CreditCounter" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q'
!macroend

!macro customUnInstall
  ; The managed configuration belongs to IT and the clerks' data to their profiles: both are kept.
!macroend
