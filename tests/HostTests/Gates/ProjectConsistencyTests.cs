using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace InterfaceFirmware.HostTests.Gates
{
    public sealed class ProjectConsistencyTests
    {
        [Fact]
        public void TheRepositoryIsConsistent()
        {
            IReadOnlyList<string> problems = ProjectConsistency.Check(RepoLayout.Root);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void EveryDeclaredPackageHasAnAllowlist()
        {
            var allowlist = NanoApiAllowlist.Load(RepoLayout.AllowlistDirectory);
            var declared = ProjectConsistency.ReadNanoPackages(RepoLayout.Path("nfproj.props"), new List<string>());
            Assert.Empty(declared.Keys.Except(allowlist.Packages));
        }

        [Fact]
        public void AFileAddedWithoutListingItIsReported()
        {
            using var copy = MiniRepository.OfHal();
            Assert.Empty(ProjectConsistency.Check(copy.Root));

            File.WriteAllText(Path.Combine(copy.Root, "hal", "I2c", "Forgotten.cs"), "namespace X { }");

            IReadOnlyList<string> problems = ProjectConsistency.Check(copy.Root);
            Assert.Contains("hal/InterfaceFirmware.Hal.nfproj: I2c/Forgotten.cs is not a <Compile> item (the device build would not compile it)", problems);
        }

        [Fact]
        public void AListedFileThatIsGoneIsReported()
        {
            using var copy = MiniRepository.OfHal();
            File.Delete(Path.Combine(copy.Root, "hal", "I2c", "II2cBus.cs"));

            Assert.Contains("hal/InterfaceFirmware.Hal.nfproj: lists I2c/II2cBus.cs, which does not exist", ProjectConsistency.Check(copy.Root));
        }

        [Fact]
        public void VersionDisagreementsAreReported()
        {
            using var copy = MiniRepository.OfHal();
            string config = Path.Combine(copy.Root, "hal", "packages.config");
            File.WriteAllText(config, File.ReadAllText(config).Replace("1.17.11", "1.17.1"));

            IReadOnlyList<string> problems = ProjectConsistency.Check(copy.Root);
            Assert.Contains(problems, p => p.StartsWith("hal/packages.config: nanoFramework.CoreLibrary 1.17.1 differs from nfproj.props (1.17.11)", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("HintPath names nanoFramework.CoreLibrary 1.17.11, packages.config 1.17.1"));
        }

        [Fact]
        public void AProjectMissingFromTheSolutionIsReported()
        {
            using var copy = MiniRepository.OfHal();
            string solution = Path.Combine(copy.Root, "InterfaceFirmware.sln");
            File.WriteAllLines(solution, File.ReadAllLines(solution).Where(l => !l.Contains("InterfaceFirmware.Hal.nfproj")));

            Assert.Contains("InterfaceFirmware.sln: hal/InterfaceFirmware.Hal.nfproj is not in the solution", ProjectConsistency.Check(copy.Root));
        }

        [Fact]
        public void AReferenceToAPackageNotInPackagesConfigIsReported()
        {
            using var copy = MiniRepository.OfHal();
            string config = Path.Combine(copy.Root, "hal", "packages.config");
            File.WriteAllLines(config, File.ReadAllLines(config).Where(l => !l.Contains("CoreLibrary")));

            Assert.Contains("hal/InterfaceFirmware.Hal.nfproj: references package nanoFramework.CoreLibrary, which is not in its packages.config",
                ProjectConsistency.Check(copy.Root));
        }

        /// <summary>A throw-away copy of the solution's hal component (its real project files), for breaking on purpose.</summary>
        private sealed class MiniRepository : IDisposable
        {
            private MiniRepository(string root)
            {
                Root = root;
            }

            public string Root { get; }

            public static MiniRepository OfHal()
            {
                string root = Path.Combine(Path.GetTempPath(), "if-consistency-" + Guid.NewGuid().ToString("N"));
                string hal = Path.Combine(root, "hal");
                foreach (string file in Directory.GetFiles(RepoLayout.Path("hal"), "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(RepoLayout.Path("hal"), file);
                    if (relative.StartsWith("Esp32", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(hal, relative)));
                    File.Copy(file, Path.Combine(hal, relative));
                }

                File.Copy(RepoLayout.Path("nfproj.props"), Path.Combine(root, "nfproj.props"));
                File.WriteAllText(Path.Combine(root, "InterfaceFirmware.sln"),
                    "Project(\"" + ProjectConsistency.NanoProjectTypeGuid + "\") = \"InterfaceFirmware.Hal\", \"hal\\InterfaceFirmware.Hal.nfproj\", \"{A67A1874-4614-49DF-80D9-BEFBBCF730E4}\"\nEndProject\n"
                    + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"InterfaceFirmware.Hal\", \"hal\\InterfaceFirmware.Hal.csproj\", \"{8C2A80BE-FEF4-4532-B2EC-2AF394FF4C76}\"\nEndProject\n");
                return new MiniRepository(root);
            }

            public void Dispose()
            {
                Directory.Delete(Root, recursive: true);
            }
        }
    }
}
