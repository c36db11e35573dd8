using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>A nano-compatible assembly: its host build and the component folder (packages.config) it comes from.</summary>
    public sealed record NanoAssembly(string Name, string Path, string ComponentDirectory)
    {
        public override string ToString() => Name;

        /// <summary>Package ids in the component's packages.config.</summary>
        public IReadOnlyCollection<string> PackagesConfigIds()
        {
            string file = System.IO.Path.Combine(ComponentDirectory, "packages.config");
            return XDocument.Load(file).Root.Elements("package").Select(p => (string)p.Attribute("id")).ToArray();
        }
    }

    /// <summary>Every assembly the device build also compiles, as the gates see them.</summary>
    public static class NanoAssemblies
    {
        public static IReadOnlyList<NanoAssembly> All { get; } = new[]
        {
            From(typeof(InterfaceFirmware.Hal.II2cBus).Assembly, "hal"),
            From(typeof(InterfaceFirmware.Drivers.Tpa6130a2.Tpa6130a2Amplifier).Assembly, "drivers"),
            From(typeof(InterfaceFirmware.Firmware.Boot.ChipPresence).Assembly, "firmware"),
            From(typeof(InterfaceFirmware.Emulator.VirtualClock).Assembly, "hardware", "Emulator"),
            From(typeof(InterfaceFirmware.UnitTests.Firmware.ChipPresenceTests).Assembly, "tests", "UnitTests"),

            // device-only code, compiled by the device-code compile check (tests/DeviceCompileCheck)
            FromCompileCheck("InterfaceFirmware.Hal.Esp32", "InterfaceFirmware.Hal.Esp32", "hal", "Esp32"),
            FromCompileCheck("InterfaceFirmware.Device", "InterfaceFirmware", "firmware", "Device"),
        };

        /// <summary>Names of the project's own assemblies: references between them are not API calls into nanoFramework.</summary>
        public static IReadOnlyList<string> ProjectAssemblyNames { get; } = All.Select(a => a.Name).ToArray();

        public static IEnumerable<object[]> Cases => All.Select(a => new object[] { a.Name });

        public static NanoAssembly Named(string name) => All.Single(a => a.Name == name);

        /// <summary>
        /// A compile-check assembly, found beside this test assembly in the artifacts layout
        /// (artifacts/bin/&lt;project&gt;/&lt;configuration&gt;/): it is built before the tests but not referenced.
        /// </summary>
        private static NanoAssembly FromCompileCheck(string project, string assemblyName, params string[] component)
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            string path = System.IO.Path.Combine(testOutput.Parent.Parent.FullName, project, testOutput.Name, assemblyName + ".dll");
            return new NanoAssembly(assemblyName, path, RepoLayout.Path(component));
        }

        private static NanoAssembly From(Assembly assembly, params string[] component)
        {
            return new NanoAssembly(assembly.GetName().Name, assembly.Location, RepoLayout.Path(component));
        }
    }
}
