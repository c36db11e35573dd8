using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("InterfaceFirmware.Firmware")]
[assembly: AssemblyDescription("The firmware application: control loop, mixer, volume, settings, modes, faults")]
[assembly: AssemblyCompany("InterfaceFirmware")]
[assembly: AssemblyProduct("InterfaceFirmware")]
[assembly: AssemblyCopyright("InterfaceFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
