using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("InterfaceFirmware.Emulator")]
[assembly: AssemblyDescription("Register-accurate emulator of the interface's board: chips, I2C bus, audio, faults")]
[assembly: AssemblyCompany("InterfaceFirmware")]
[assembly: AssemblyProduct("InterfaceFirmware")]
[assembly: AssemblyCopyright("InterfaceFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
