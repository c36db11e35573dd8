using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// Checks that the device build's project files say what the host build compiles: every .cs of
    /// a nano component is a &lt;Compile&gt; item of its .nfproj and every item exists; the .nfproj
    /// files are in the standard nanoFramework form; packages.config, HintPaths and nfproj.props
    /// agree on package versions (with NuGet dependencies present); every project is in the solution.
    /// </summary>
    public static class ProjectConsistency
    {
        public const string NanoProjectTypeGuid = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
        private const string CSharpProjectTypeGuid = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
        private const string SdkCSharpProjectTypeGuid = "{9A19103F-16F7-4668-BE54-9A1E7A4F7556}";
        private static readonly string[] IgnoredDirectories = { "bin", "obj", "artifacts", "packages", ".git", ".vs", "TestResults" };
        private static readonly Regex SolutionProject = new Regex("^Project\\(\"(?<type>\\{[^}]+\\})\"\\) = \"[^\"]*\", \"(?<path>[^\"]+\\.(csproj|nfproj))\"", RegexOptions.Multiline);
        private static readonly Regex HintPath = new Regex(@"^(\.\.\\)+packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+(\.\d+)+)\\lib\\(?<file>[^\\]+)$");

        /// <summary>Every inconsistency found under <paramref name="root"/>, as readable lines (empty when consistent).</summary>
        public static IReadOnlyList<string> Check(string root)
        {
            var problems = new List<string>();
            Dictionary<string, NanoPackageInfo> packages = ReadNanoPackages(Path.Combine(root, "nfproj.props"), problems);
            string[] projects = FindFiles(root, "*.csproj").Concat(FindFiles(root, "*.nfproj")).Select(p => Relative(root, p)).ToArray();
            CheckSolution(root, projects, problems);
            foreach (string nfproj in projects.Where(p => p.EndsWith(".nfproj", StringComparison.Ordinal)))
            {
                CheckNanoProject(root, nfproj, packages, problems);
            }

            foreach (string csproj in projects.Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                CheckPackageDownloads(root, csproj, packages, problems);
            }

            return problems;
        }

        /// <summary>The packages nfproj.props declares.</summary>
        public static Dictionary<string, NanoPackageInfo> ReadNanoPackages(string propsPath, List<string> problems)
        {
            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            var result = new Dictionary<string, NanoPackageInfo>(StringComparer.Ordinal);
            foreach (XElement item in XDocument.Load(propsPath).Descendants().Where(e => e.Name.LocalName == "NanoPackage"))
            {
                string id = (string)item.Attribute("Include");
                string[] dependsOn = ((string)item.Attribute("DependsOn") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
                if (result.ContainsKey(id))
                {
                    problems.Add("nfproj.props: package " + id + " declared twice");
                }

                result[id] = new NanoPackageInfo(id, (string)item.Attribute("Version"), (string)item.Attribute("Assembly"), dependsOn);
            }

            return result;
        }

        private static void CheckSolution(string root, string[] projects, List<string> problems)
        {
            string solution = File.ReadAllText(Path.Combine(root, "InterfaceFirmware.sln"));
            var listed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in SolutionProject.Matches(solution))
            {
                listed[m.Groups["path"].Value.Replace('\\', '/')] = m.Groups["type"].Value;
            }

            foreach (string project in projects.Where(p => !listed.ContainsKey(p)))
            {
                problems.Add("InterfaceFirmware.sln: " + project + " is not in the solution");
            }

            foreach (KeyValuePair<string, string> entry in listed)
            {
                if (!File.Exists(Path.Combine(root, entry.Key)))
                {
                    problems.Add("InterfaceFirmware.sln: lists " + entry.Key + ", which does not exist");
                }

                bool nano = entry.Key.EndsWith(".nfproj", StringComparison.Ordinal);
                if (nano && entry.Value != NanoProjectTypeGuid)
                {
                    problems.Add("InterfaceFirmware.sln: " + entry.Key + " must have the nanoFramework project type " + NanoProjectTypeGuid + ", not " + entry.Value);
                }

                if (!nano && entry.Value != CSharpProjectTypeGuid && entry.Value != SdkCSharpProjectTypeGuid)
                {
                    problems.Add("InterfaceFirmware.sln: " + entry.Key + " has project type " + entry.Value + ", not C#");
                }
            }
        }

        private static void CheckNanoProject(string root, string nfproj, Dictionary<string, NanoPackageInfo> packages, List<string> problems)
        {
            string path = Path.Combine(root, nfproj);
            string directory = Path.GetDirectoryName(path);
            XDocument project = XDocument.Load(path);
            XNamespace ns = project.Root.Name.Namespace;
            CheckStandardForm(root, nfproj, project, problems);

            // Compile items against the .cs files of the component (nested components are their own)
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement compile in project.Descendants(ns + "Compile"))
            {
                string include = ((string)compile.Attribute("Include") ?? "").Replace('\\', '/');
                if (include.Contains('*'))
                {
                    problems.Add(nfproj + ": <Compile Include=\"" + include + "\"> uses a wildcard; the nanoFramework project system needs explicit items");
                    continue;
                }

                if (!listed.Add(include))
                {
                    problems.Add(nfproj + ": " + include + " is listed twice");
                }

                if (!File.Exists(Path.Combine(directory, include)))
                {
                    problems.Add(nfproj + ": lists " + include + ", which does not exist");
                }
            }

            foreach (string file in ComponentSources(directory).Where(f => !listed.Contains(f)))
            {
                problems.Add(nfproj + ": " + file + " is not a <Compile> item (the device build would not compile it)");
            }

            // packages.config, HintPaths and nfproj.props
            string configPath = Path.Combine(directory, "packages.config");
            var config = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(configPath))
            {
                problems.Add(nfproj + ": packages.config is missing");
            }
            else
            {
                foreach (XElement package in XDocument.Load(configPath).Root.Elements("package"))
                {
                    string id = (string)package.Attribute("id");
                    string version = (string)package.Attribute("version");
                    config[id] = version;
                    string where = Relative(root, configPath) + ": " + id + " " + version;
                    if (!packages.TryGetValue(id, out NanoPackageInfo declared))
                    {
                        problems.Add(where + " is not declared in nfproj.props");
                    }
                    else if (declared.Version != version)
                    {
                        problems.Add(where + " differs from nfproj.props (" + declared.Version + ")");
                    }

                    if ((string)package.Attribute("targetFramework") != "netnano1.0")
                    {
                        problems.Add(where + ": targetFramework must be netnano1.0");
                    }

                    if (id == "nanoFramework.TestFramework" && (string)package.Attribute("developmentDependency") != "true")
                    {
                        problems.Add(where + ": the test framework is a development dependency (developmentDependency=\"true\")");
                    }
                }

                foreach (string id in config.Keys.Where(packages.ContainsKey))
                {
                    foreach (string dependency in packages[id].DependsOn.Where(d => !config.ContainsKey(d)))
                    {
                        problems.Add(Relative(root, configPath) + ": " + id + " depends on " + dependency + ", which is missing");
                    }
                }
            }

            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement reference in project.Descendants(ns + "Reference"))
            {
                string include = (string)reference.Attribute("Include") ?? "";
                string hint = (string)reference.Element(ns + "HintPath");
                Match m = hint == null ? Match.Empty : HintPath.Match(hint);
                if (!m.Success)
                {
                    problems.Add(nfproj + ": reference " + include + " has no HintPath into ..\\packages\\<id>.<version>\\lib\\");
                    continue;
                }

                string id = m.Groups["id"].Value;
                string version = m.Groups["version"].Value;
                string file = m.Groups["file"].Value;
                referenced.Add(id);
                if (!config.TryGetValue(id, out string configVersion))
                {
                    problems.Add(nfproj + ": references package " + id + ", which is not in its packages.config");
                }
                else if (configVersion != version)
                {
                    problems.Add(nfproj + ": HintPath names " + id + " " + version + ", packages.config " + configVersion);
                }

                if (packages.TryGetValue(id, out NanoPackageInfo declared))
                {
                    bool launcher = file == "nanoFramework.UnitTestLauncher.exe";
                    string expectedFile = launcher ? file : declared.Assembly + ".dll";
                    string expectedInclude = (launcher ? "nanoFramework.UnitTestLauncher" : declared.Assembly) + ", Version="
                        + (launcher ? "0.0.0.0" : declared.Version + ".0") + ", Culture=neutral, PublicKeyToken=c07d481e9758c731";
                    if (declared.Version != version)
                    {
                        problems.Add(nfproj + ": HintPath names " + id + " " + version + ", nfproj.props " + declared.Version);
                    }

                    if (file != expectedFile)
                    {
                        problems.Add(nfproj + ": HintPath of " + id + " points at " + file + ", expected " + expectedFile);
                    }

                    if (include != expectedInclude)
                    {
                        problems.Add(nfproj + ": <Reference Include=\"" + include + "\"> should be \"" + expectedInclude + "\"");
                    }
                }
            }

            foreach (string id in config.Keys.Where(id => !referenced.Contains(id)))
            {
                problems.Add(nfproj + ": packages.config lists " + id + " but the project has no <Reference> to it");
            }

            foreach (XElement reference in project.Descendants(ns + "ProjectReference"))
            {
                string include = ((string)reference.Attribute("Include") ?? "").Replace('\\', '/');
                if (!include.EndsWith(".nfproj", StringComparison.Ordinal) || !File.Exists(Path.Combine(directory, include)))
                {
                    problems.Add(nfproj + ": <ProjectReference> to " + include + ", which is not an existing .nfproj");
                }
            }
        }

        /// <summary>A nanoFramework package downloaded for the device-faithful compile (the real mscorlib) has the version nfproj.props pins.</summary>
        private static void CheckPackageDownloads(string root, string csproj, Dictionary<string, NanoPackageInfo> packages, List<string> problems)
        {
            foreach (XElement download in XDocument.Load(Path.Combine(root, csproj)).Descendants().Where(e => e.Name.LocalName == "PackageDownload"))
            {
                string id = (string)download.Attribute("Include") ?? "";
                string version = (string)download.Attribute("Version") ?? "";
                if (packages.TryGetValue(id, out NanoPackageInfo declared) && version != "[" + declared.Version + "]")
                {
                    problems.Add(csproj + ": PackageDownload " + id + " " + version + " differs from nfproj.props ([" + declared.Version + "])");
                }
            }
        }

        /// <summary>The shape the nanoFramework extensions expect (as nanoFramework's own projects have it: System.Device.I2c.nfproj, System.IO.FileSystem.UnitTests).</summary>
        private static void CheckStandardForm(string root, string nfproj, XDocument project, List<string> problems)
        {
            XNamespace ns = project.Root.Name.Namespace;
            string Property(string name) => project.Descendants(ns + name).Select(e => e.Value.Trim()).FirstOrDefault();
            void Require(bool condition, string what)
            {
                if (!condition)
                {
                    problems.Add(nfproj + ": " + what);
                }
            }

            Require(ns == "http://schemas.microsoft.com/developer/msbuild/2003", "the root element must be in the MSBuild 2003 namespace");
            Require(Property("NanoFrameworkProjectSystemPath") == "$(MSBuildExtensionsPath)\\nanoFramework\\v1.0\\", "NanoFrameworkProjectSystemPath must be $(MSBuildExtensionsPath)\\nanoFramework\\v1.0\\");
            Require(Property("ProjectTypeGuids") == NanoProjectTypeGuid + ";" + CSharpProjectTypeGuid, "ProjectTypeGuids must be the nanoFramework and C# project types");
            Require(Property("TargetFrameworkVersion") == "v1.0", "TargetFrameworkVersion must be v1.0");
            string outputType = Property("OutputType");
            Require(outputType == "Library" || outputType == "Exe", "OutputType must be Library or Exe");

            XElement[] imports = project.Root.Elements(ns + "Import").ToArray();
            string[] importPaths = imports.Select(i => (string)i.Attribute("Project")).ToArray();
            foreach (string nanoImport in new[] { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" })
            {
                XElement import = imports.FirstOrDefault(i => (string)i.Attribute("Project") == "$(NanoFrameworkProjectSystemPath)" + nanoImport);
                Require(import != null, "must import $(NanoFrameworkProjectSystemPath)" + nanoImport);
                Require(import == null || ((string)import.Attribute("Condition") ?? "").Contains("Exists('$(NanoFrameworkProjectSystemPath)" + nanoImport + "')"),
                    nanoImport + " must be imported with Condition=\"Exists(...)\"");
            }

            int defaultProps = Array.IndexOf(importPaths, "$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props");
            int csharpTargets = Array.IndexOf(importPaths, "$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets");
            int shared = Array.FindIndex(importPaths, p => p != null && p.EndsWith("nfproj.props", StringComparison.Ordinal));
            Require(shared >= 0, "must import nfproj.props (shared settings and the fallback)");
            Require(defaultProps >= 0 && csharpTargets > defaultProps && csharpTargets == importPaths.Length - 1,
                "NFProjectSystem.Default.props must come first and NFProjectSystem.CSharp.targets last");
            Require(project.Descendants(ns + "None").Any(n => (string)n.Attribute("Include") == "packages.config"), "must include <None Include=\"packages.config\" />");
            Require(project.Descendants(ns + "ProjectConfigurationsDeclaredAsItems").Any(), "must declare <ProjectCapabilities><ProjectConfigurationsDeclaredAsItems/>");
            Require(!project.Root.Elements(ns + "Target").Any(), "must not define targets (they would shadow the nanoFramework targets)");

            if (Property("IsTestProject") == "true")
            {
                Require(Property("AssemblyName") == "NFUnitTest", "a unit-test project must be named NFUnitTest (the launcher loads that assembly)");
                Require(project.Descendants(ns + "ProjectCapability").Any(c => (string)c.Attribute("Include") == "TestContainer"), "a unit-test project needs <ProjectCapability Include=\"TestContainer\" />");
                Require(Property("TestProjectType") == "UnitTest", "a unit-test project needs TestProjectType UnitTest");
                string runSettings = Property("RunSettingsFilePath");
                Require(runSettings == "$(MSBuildProjectDirectory)\\nano.runsettings"
                    && File.Exists(Path.Combine(root, Path.GetDirectoryName(nfproj), "nano.runsettings")),
                    "a unit-test project needs nano.runsettings beside it, named in RunSettingsFilePath");
            }
        }

        /// <summary>The component's .cs files, relative to its folder, not descending into nested components.</summary>
        private static IEnumerable<string> ComponentSources(string directory)
        {
            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.Count > 0)
            {
                string current = pending.Pop();
                foreach (string file in Directory.GetFiles(current, "*.cs"))
                {
                    yield return Path.GetRelativePath(directory, file).Replace('\\', '/');
                }

                foreach (string sub in Directory.GetDirectories(current))
                {
                    if (IgnoredDirectories.Contains(Path.GetFileName(sub)) || Directory.GetFiles(sub, "*.nfproj").Length > 0)
                    {
                        continue;
                    }

                    pending.Push(sub);
                }
            }
        }

        private static IEnumerable<string> FindFiles(string root, string pattern)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string current = pending.Pop();
                foreach (string file in Directory.GetFiles(current, pattern))
                {
                    yield return file;
                }

                foreach (string sub in Directory.GetDirectories(current).Where(d => !IgnoredDirectories.Contains(Path.GetFileName(d))))
                {
                    pending.Push(sub);
                }
            }
        }

        private static string Relative(string root, string path)
        {
            return Path.GetRelativePath(root, path).Replace('\\', '/');
        }
    }

    public sealed record NanoPackageInfo(string Id, string Version, string Assembly, IReadOnlyList<string> DependsOn);
}
