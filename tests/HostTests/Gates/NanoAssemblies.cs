using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>A nano component's device-faithful assembly and the component folder (packages.config) it comes from.</summary>
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

    /// <summary>
    /// Every assembly the device build compiles, as the gates see them: one per .nfproj in the
    /// repository, compiled by nfproj.targets against the real nanoFramework mscorlib into
    /// artifacts/device/ (built before the host tests, see InterfaceFirmware.HostTests.csproj).
    /// A component added later is found here without listing it.
    /// </summary>
    public static class NanoAssemblies
    {
        private static readonly string[] IgnoredDirectories = { "bin", "obj", "artifacts", "packages", ".git", ".vs", "TestResults" };

        public static string DeviceOutputDirectory => RepoLayout.Path("artifacts", "device");

        public static IReadOnlyList<NanoAssembly> All { get; } = Discover(RepoLayout.Root);

        /// <summary>Names of the project's own assemblies: references between them are not API calls into nanoFramework.</summary>
        public static IReadOnlyList<string> ProjectAssemblyNames { get; } = All.Select(a => a.Name).ToArray();

        public static IEnumerable<object[]> Cases => All.Select(a => new object[] { a.Name });

        public static NanoAssembly Named(string name) => All.Single(a => a.Name == name);

        private static IReadOnlyList<NanoAssembly> Discover(string root)
        {
            var found = new List<NanoAssembly>();
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string directory = pending.Pop();
                foreach (string nfproj in Directory.GetFiles(directory, "*.nfproj"))
                {
                    XDocument project = XDocument.Load(nfproj);
                    string Property(string name) => project.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value.Trim()).FirstOrDefault();
                    string name = Property("AssemblyName");
                    string extension = Property("OutputType") == "Exe" ? ".exe" : ".dll";
                    found.Add(new NanoAssembly(name, System.IO.Path.Combine(DeviceOutputDirectory, name + extension), directory));
                }

                foreach (string sub in Directory.GetDirectories(directory).Where(d => !IgnoredDirectories.Contains(System.IO.Path.GetFileName(d))))
                {
                    pending.Push(sub);
                }
            }

            return found.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        }
    }
}
