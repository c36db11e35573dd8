using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("InterfaceFirmware.Hal")]
[assembly: AssemblyDescription("Hardware abstraction the firmware sees: I2C, GPIO, clock, storage, USB link, power, audio taps")]
[assembly: AssemblyCompany("InterfaceFirmware")]
[assembly: AssemblyProduct("InterfaceFirmware")]
[assembly: AssemblyCopyright("InterfaceFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
