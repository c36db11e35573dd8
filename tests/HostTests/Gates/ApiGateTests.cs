using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// The API gate over every nano-compatible assembly: nothing outside the nanoFramework 1.x API,
    /// no generics, async, iterators, LINQ, tuples, decimal or multidimensional arrays; and every
    /// nanoFramework package an assembly uses is in its component's packages.config.
    /// </summary>
    public sealed class ApiGateTests
    {
        private static readonly NanoApiAllowlist Allowlist = NanoApiAllowlist.Load(RepoLayout.AllowlistDirectory);

        public static IEnumerable<object[]> Assemblies => NanoAssemblies.Cases;

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void UsesOnlyTheNanoFrameworkApi(string assemblyName)
        {
            NanoAssembly assembly = NanoAssemblies.Named(assemblyName);
            GateReport report = Gate().Inspect(assembly.Path);

            Assert.True(report.Violations.Count == 0,
                "The device build would fail or misbehave:\n" + string.Join("\n", report.Violations));
        }

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void ListsEveryPackageItUses(string assemblyName)
        {
            NanoAssembly assembly = NanoAssemblies.Named(assemblyName);
            GateReport report = Gate().Inspect(assembly.Path);
            IReadOnlyCollection<string> listed = assembly.PackagesConfigIds();

            string[] missing = report.PackageUses
                .Where(use => !use.Packages.Any(listed.Contains))
                .Select(use => string.Join(" or ", use.Packages) + " (for " + use.Api + ", used by " + string.Join(", ", use.UsedBy) + ")")
                .ToArray();
            Assert.True(missing.Length == 0,
                assembly.ComponentDirectory + "/packages.config lacks:\n" + string.Join("\n", missing));
        }

        internal static NanoApiGate Gate()
        {
            return new NanoApiGate(Allowlist, NanoAssemblies.ProjectAssemblyNames);
        }
    }
}
