; Inno Setup script: Writer-<version>-Setup.exe from the one-folder build in dist\Writer.
; Build: python packaging\build.py, then iscc packaging\windows\writer.iss
#define AppVersion GetEnv("WRITER_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1B7D1E-3A5F-4C38-9B3E-5E8C0F1A7B21}
AppName=Writer
AppVersion={#AppVersion}
AppPublisher=Writer
DefaultDirName={autopf}\Writer
DefaultGroupName=Writer
OutputDir=..\..\dist
OutputBaseFilename=Writer-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\writer.ico
UninstallDisplayIcon={app}\Writer.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked
Name: "mdassoc"; Description: "Open Markdown files (.md) with Writer"; Flags: unchecked

[Files]
Source: "..\..\dist\Writer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Writer"; Filename: "{app}\Writer.exe"
Name: "{group}\Uninstall Writer"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Writer"; Filename: "{app}\Writer.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "Writer.Markdown"; ValueData: ""; Flags: uninsdeletevalue; Tasks: mdassoc
Root: HKA; Subkey: "Software\Classes\Writer.Markdown"; ValueType: string; ValueName: ""; ValueData: "Markdown page"; Flags: uninsdeletekey; Tasks: mdassoc
Root: HKA; Subkey: "Software\Classes\Writer.Markdown\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Writer.exe,0"; Tasks: mdassoc
Root: HKA; Subkey: "Software\Classes\Writer.Markdown\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Writer.exe"" ""%1"""; Tasks: mdassoc

[Run]
Filename: "{app}\Writer.exe"; Description: "Start Writer"; Flags: nowait postinstall skipifsilent
