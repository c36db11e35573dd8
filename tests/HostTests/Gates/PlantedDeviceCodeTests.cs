using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// Code the device cannot compile or run (a tuple deconstruction, string.Join; a generic
    /// method, a type with 256 methods, String.TrimStart() without characters), planted into a throw-away copy of the hal component
    /// and built with the repository's own device build (nfproj.targets, real mscorlib): what the
    /// compiler refuses fails the build naming file and member; what compiles but the runtime or
    /// the MetadataProcessor cannot take is refused by the API gate on the built assembly.
    /// </summary>
    public sealed class PlantedDeviceCodeTests
    {
        [Fact]
        public void WhatNanosMscorlibLacksFailsTheDeviceBuild()
        {
            using var copy = PlantedHal.With(new Dictionary<string, string>
            {
                ["Planted/SwapsWithATuple.cs"] = "namespace P { public static class SwapsWithATuple { public static int Swap(int a, int b) { (a, b) = (b, a); return a; } } }",
                ["Planted/JoinsStrings.cs"] = "namespace P { public static class JoinsStrings { public static string Join(string[] parts) { return string.Join(\",\", parts); } } }",
            });

            (int exitCode, string output) = copy.BuildDevice();

            Assert.True(exitCode != 0, "the device build passed planted code:\n" + output);
            Assert.Contains("SwapsWithATuple.cs(1,", output);
            Assert.Contains("System.ValueTuple`2", output);
            Assert.Contains("JoinsStrings.cs(1,", output);
            Assert.Contains("'string' does not contain a definition for 'Join'", output);
        }

        [Fact]
        public void WhatCompilesButCannotRunIsRefusedByTheGate()
        {
            string manyMethods = "namespace P { public static class HasManyMethods { "
                + string.Concat(Enumerable.Range(0, 256).Select(i => "public static int M" + i + "() => " + i + "; ")) + "} }";
            using var copy = PlantedHal.With(new Dictionary<string, string>
            {
                ["Planted/HasAGenericMethod.cs"] = "namespace P { public static class HasAGenericMethod { public static T Same<T>(T value) { return value; } } }",
                ["Planted/HasManyMethods.cs"] = manyMethods,
                ["Planted/TrimsTheStart.cs"] = "namespace P { public static class TrimsTheStart { public static string Trim(string s) { return s.TrimStart(); } } }",
            });

            (int exitCode, string output) = copy.BuildDevice();
            Assert.True(exitCode == 0, output);

            GateReport report = ApiGateTests.Gate().Inspect(Path.Combine(copy.Root, "artifacts", "device", "InterfaceFirmware.Hal.dll"));
            string reported = string.Join("\n", report.Violations);
            Assert.Contains(report.Violations, v => v.Problem.StartsWith("generic definition", StringComparison.Ordinal) && v.Subject == "P.HasAGenericMethod::Same");
            Assert.Contains(report.Violations, v => v.Problem.StartsWith("more than 255 static methods", StringComparison.Ordinal) && v.Subject == "P.HasManyMethods");
            Assert.Contains(report.Violations, v => v.Problem.StartsWith("TrimStart()/TrimEnd() without characters", StringComparison.Ordinal) && v.UsedBy.Contains("P.TrimsTheStart"));
            Assert.True(report.Violations.Count == 3, reported);
        }

        /// <summary>nfproj.props, its targets and the hal component copied to a temporary folder, with extra files listed in the .nfproj.</summary>
        private sealed class PlantedHal : IDisposable
        {
            private PlantedHal(string root)
            {
                Root = root;
            }

            public string Root { get; }

            public static PlantedHal With(IDictionary<string, string> plantedFiles)
            {
                string root = Path.Combine(Path.GetTempPath(), "if-planted-" + Guid.NewGuid().ToString("N"));
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

                foreach (string shared in new[] { "nfproj.props", "nfproj.targets", "nfproj.device.targets" })
                {
                    File.Copy(RepoLayout.Path(shared), Path.Combine(root, shared));
                }

                string nfproj = Path.Combine(hal, "InterfaceFirmware.Hal.nfproj");
                string items = string.Concat(plantedFiles.Keys.Select(k => "    <Compile Include=\"" + k.Replace('/', '\\') + "\" />\n"));
                File.WriteAllText(nfproj, File.ReadAllText(nfproj).Replace("  <ItemGroup>\n    <Compile Include=", "  <ItemGroup>\n" + items + "    <Compile Include="));
                foreach (KeyValuePair<string, string> planted in plantedFiles)
                {
                    string path = Path.Combine(hal, planted.Key);
                    Directory.CreateDirectory(Path.GetDirectoryName(path));
                    File.WriteAllText(path, planted.Value);
                }

                return new PlantedHal(root);
            }

            public (int ExitCode, string Output) BuildDevice()
            {
                var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    WorkingDirectory = Root,
                };
                foreach (string argument in new[] { "build", Path.Combine(Root, "hal", "InterfaceFirmware.Hal.nfproj"), "-nologo", "-v:q", "-nodeReuse:false" })
                {
                    start.ArgumentList.Add(argument);
                }

                // the test host's MSBuild settings must not leak into the child build
                foreach (string variable in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
                {
                    start.Environment.Remove(variable);
                }

                using Process build = Process.Start(start);
                string output = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
                build.WaitForExit();
                return (build.ExitCode, output);
            }

            public void Dispose()
            {
                Directory.Delete(Root, recursive: true);
            }
        }
    }
}
