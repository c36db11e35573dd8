using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>The allowlist data itself: well-formed, in step with nfproj.props, and right about the known traps.</summary>
    public sealed class AllowlistTests
    {
        private static readonly NanoApiAllowlist Allowlist = NanoApiAllowlist.Load(RepoLayout.AllowlistDirectory);
        private readonly ITestOutputHelper _output;

        public AllowlistTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void EachFileNamesThePackageVersionPinnedInNfprojProps()
        {
            Dictionary<string, NanoPackageInfo> declared = ProjectConsistency.ReadNanoPackages(RepoLayout.Path("nfproj.props"), new List<string>());
            foreach (string file in Directory.GetFiles(RepoLayout.AllowlistDirectory, "*.txt"))
            {
                string id = Path.GetFileNameWithoutExtension(file);
                Assert.True(declared.ContainsKey(id), id + " has an allowlist but is not declared in nfproj.props");
                Assert.StartsWith("# Allowlist: " + id + " " + declared[id].Version + " (", File.ReadLines(file).First());
            }

            foreach (KeyValuePair<string, (int Types, int Members, int Fields, int Delegates)> count in Allowlist.Counts.OrderBy(c => c.Key))
            {
                _output.WriteLine(count.Key + ": " + count.Value.Types + " types, " + count.Value.Members + " methods, "
                    + count.Value.Fields + " fields, " + count.Value.Delegates + " delegates");
            }
        }

        [Theory]
        [InlineData("System.Math::Max(System.Int64,System.Int64) : System.Int64")]
        [InlineData("System.Math::Abs(System.Int64) : System.Int64")]
        [InlineData("System.Math::Clamp(System.Int32,System.Int32,System.Int32) : System.Int32")]
        [InlineData("System.Math::Round(System.Double,System.Int32) : System.Double")]
        [InlineData("System.String::Format(System.String,System.Object) : System.String")]
        [InlineData("System.String::Replace(System.String,System.String) : System.String")]
        [InlineData("System.String::Join(System.String,System.String[]) : System.String")]
        [InlineData("System.String::TrimStart() : System.String")]
        [InlineData("System.String::TrimEnd() : System.String")]
        [InlineData("System.Threading.WaitHandle::WaitOne(System.Int32) : System.Boolean")]
        [InlineData("System.Threading.Monitor::Enter(System.Object,System.Boolean&) : System.Void")]
        [InlineData("System.TimeSpan::FromMilliseconds(System.Double) : System.TimeSpan")]
        [InlineData("System.Collections.Hashtable::ContainsKey(System.Object) : System.Boolean")]
        public void DotNetOnlyMembersAreAbsent(string member)
        {
            Assert.False(Allowlist.HasMember(member), member + " is .NET-only but on the allowlist");
        }

        [Theory]
        [InlineData("System.Math::Max(System.Int32,System.Int32) : System.Int32", "nanoFramework.System.Math")]
        [InlineData("System.Math::Abs(System.Double) : System.Double", "nanoFramework.System.Math")]
        [InlineData("System.Math::Round(System.Double) : System.Double", "nanoFramework.System.Math")]
        [InlineData("System.String::Format(System.String,System.Object[]) : System.String", "nanoFramework.CoreLibrary")]
        [InlineData("System.Threading.WaitHandle::WaitOne(System.Int32,System.Boolean) : System.Boolean", "nanoFramework.CoreLibrary")]
        [InlineData("System.Environment::get_TickCount64() : System.Int64", "nanoFramework.Runtime.Native")]
        [InlineData("System.TimeSpan::FromMilliseconds(System.Int64) : System.TimeSpan", "nanoFramework.CoreLibrary")]
        [InlineData("System.Device.I2c.I2cDevice::WriteRead(System.SpanByte,System.SpanByte) : System.Device.I2c.I2cTransferResult", "nanoFramework.System.Device.I2c")]
        [InlineData("System.Collections.Hashtable::Contains(System.Object) : System.Boolean", "nanoFramework.System.Collections")]
        public void NanoMembersAreThereWithTheirPackage(string member, string package)
        {
            Assert.Contains(package, Allowlist.PackagesOf(member));
        }

        [Fact]
        public void EveryTypeInASignatureIsListedToo()
        {
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(RepoLayout.AllowlistDirectory, "*.txt"))
            {
                foreach (string line in File.ReadLines(file).Where(l => l.StartsWith("M ", StringComparison.Ordinal) || l.StartsWith("F ", StringComparison.Ordinal)))
                {
                    foreach (string type in TypesIn(line.Substring(2)))
                    {
                        if (!Allowlist.HasType(type))
                        {
                            missing.Add(type + " (" + Path.GetFileName(file) + ": " + line + ")");
                        }
                    }
                }
            }

            Assert.True(missing.Count == 0, string.Join("\n", missing));
        }

        /// <summary>
        /// "Same names, same parameter lists": the host's nanoFramework.TestFramework exposes exactly
        /// the public API on the TestFramework allowlist, so a test that compiles here compiles there.
        /// </summary>
        [Fact]
        public void HostTestFrameworkExposesExactlyTheAllowlistedApi()
        {
            Assembly framework = typeof(nanoFramework.TestFramework.Assert).Assembly;
            var host = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Type type in framework.GetExportedTypes())
            {
                host.Add(type.FullName);
                const BindingFlags Declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
                foreach (MethodBase method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)))
                {
                    if (method.DeclaringType != type || (method.IsVirtual && ((MethodInfo)method).GetBaseDefinition().DeclaringType != type))
                    {
                        continue;
                    }

                    string returnType = method is MethodInfo m ? Name(m.ReturnType) : "System.Void";
                    host.Add(type.FullName + "::" + method.Name + "(" + string.Join(",", method.GetParameters().Select(p => Name(p.ParameterType))) + ") : " + returnType);
                }
            }

            string[] allowlisted = File.ReadLines(Path.Combine(RepoLayout.AllowlistDirectory, "nanoFramework.TestFramework.txt"))
                .Where(l => l.StartsWith("T ", StringComparison.Ordinal) || l.StartsWith("M ", StringComparison.Ordinal))
                .Select(l => l.Substring(2))
                .ToArray();

            Assert.True(host.SetEquals(allowlisted),
                "only on the host: " + string.Join("; ", host.Except(allowlisted)) + "\nonly on the allowlist: " + string.Join("; ", allowlisted.Except(host)));
        }

        private static string Name(Type type)
        {
            return type.IsByRef ? Name(type.GetElementType()) + "&" : type.FullName;
        }

        private static IEnumerable<string> TypesIn(string member)
        {
            int colons = member.IndexOf("::", StringComparison.Ordinal);
            yield return member.Substring(0, colons);
            int open = member.IndexOf('(');
            int close = member.LastIndexOf(')');
            if (open >= 0 && close > open && close - open > 1)
            {
                foreach (string parameter in member.Substring(open + 1, close - open - 1).Split(','))
                {
                    yield return parameter.TrimEnd('&', '[', ']', '*').Replace("[]", "");
                }
            }

            int returnAt = member.LastIndexOf(" : ", StringComparison.Ordinal);
            yield return member.Substring(returnAt + 3).TrimEnd('&', '*').Replace("[]", "");
        }
    }
}
