using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("InterfaceFirmware.Hal.Esp32")]
[assembly: AssemblyDescription("nanoFramework (ESP32) implementations of the hal interfaces")]
[assembly: AssemblyCompany("InterfaceFirmware")]
[assembly: AssemblyProduct("InterfaceFirmware")]
[assembly: AssemblyCopyright("InterfaceFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
