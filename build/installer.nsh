; Included by electron-builder's NSIS script (nsis.include in electron-builder.yml).
; The installer is per-machine, so the shell context is "all users" and $APPDATA is %ProgramData%.

!macro customInstall
  ; Where IT puts the managed configuration (config.json); created empty so the location is obvious.
  SetShellVarContext all
  CreateDirectory "$APPDATA\CreditCounter"
!macroend

!macro customUnInstall
  ; The managed configuration belongs to IT and the clerks' data to their profiles: both are kept.
!macroend
