using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("InterfaceFirmware.Drivers")]
[assembly: AssemblyDescription("Chip drivers: WM8960 and ES8388 codecs, TPA6130A2 headphone amplifier")]
[assembly: AssemblyCompany("InterfaceFirmware")]
[assembly: AssemblyProduct("InterfaceFirmware")]
[assembly: AssemblyCopyright("InterfaceFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
