; Inno Setup 6 (6.3 or newer) script for Kinerja Desktop: a per-user installer (no admin rights).
;
; Build on Windows after `python packaging\build.py` made dist\kinerja-desktop\:
;     iscc packaging\kinerja.iss
; or let build.py do both: `python packaging\build.py --installer`.
; The result is dist\KinerjaDesktop-<version>-setup.exe.
;
; What it promises a clerk's PC:
;   * installs into %LOCALAPPDATA%\Programs\Kinerja Desktop, for the current user only, so it
;     needs no administrator and no IT visit;
;   * puts both programs of the bundle in place: kinerja-desktop.exe (windowed, what the
;     shortcuts start) and kinerja-cli.exe (the console program for cmd.exe, PowerShell and
;     scheduled tasks: it makes cmd.exe wait and returns the exit code);
;   * adds a Start-menu entry (and, if asked, a desktop shortcut), plus one that opens a
;     command prompt showing the console program's help;
;   * NEVER touches the data folder. The database, its backups and the logs live in
;     %LOCALAPPDATA%\Kinerja\KinerjaDesktop (kinerja_desktop/config.py), a different folder
;     that this script does not name in [Files], [InstallDelete] or [UninstallDelete]:
;     an upgrade replaces only the program files and an uninstall removes only them, so the
;     office's data survives both. The app itself backs up before any schema migration.

#define AppName "Kinerja Desktop"
#define AppExe "kinerja-desktop.exe"
#define CliExe "kinerja-cli.exe"
#define BundleDir "..\dist\kinerja-desktop"
#ifndef AppVersion
  ; The version resource that kinerja.spec writes from kinerja_desktop.__version__.
  #define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + BundleDir + "\" + AppExe, "ProductVersion")
#endif
#ifndef AppNumericVersion
  ; VersionInfoVersion takes four numbers only ("0.2.0rc1" would stop the compiler):
  ; build.py passes x.y.z.0 from __version__; otherwise the exe's numeric file version.
  #define AppNumericVersion GetVersionNumbersString(AddBackslash(SourcePath) + BundleDir + "\" + AppExe)
#endif

[Setup]
; Keep this AppId for every release: it is how an upgrade finds the installed copy.
AppId={{6B1E3F0A-5C2D-4E8B-9A57-3D2F1C0B7E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kecamatan Nanggalo, Kota Padang
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductTextVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=KinerjaDesktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kinerja.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy holds its files open: ask to close it rather than fail half way.
CloseApplications=yes
RestartApplications=no

[Languages]
#ifexist "Indonesian.isl"
; Indonesian is not among Inno Setup's bundled languages: put Indonesian.isl (from its
; unofficial translations) beside this script to get Indonesian installer pages.
Name: "id"; MessagesFile: "Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Program files of the previous version only (a removed module must not linger). {app} is
; the program folder, never the data folder.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "demo --open"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} (baris perintah)"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes exactly what [Files]
; installed, and the office's database in %LOCALAPPDATA%\Kinerja stays where it is.
