using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// The CoreLibrary allowlist against the real reference assembly (nanoFramework.CoreLibrary's
    /// lib/mscorlib.dll, restored for the device-faithful compile): nothing may be allowlisted that
    /// the device build cannot bind to.
    /// </summary>
    public sealed class MscorlibAllowlistTests
    {
        private const string AllowlistFile = "nanoFramework.CoreLibrary.txt";
        private static readonly Lazy<MscorlibSurface> Surface = new Lazy<MscorlibSurface>(() => MscorlibSurface.Read(MscorlibSurface.RestoredMscorlibPath()));
        private readonly ITestOutputHelper _output;

        public MscorlibAllowlistTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void EveryAllowlistedTypeAndMemberExistsInTheRealMscorlib()
        {
            var missing = new List<string>();
            foreach ((string kind, string body) in AllowlistLines())
            {
                switch (kind)
                {
                    case "T":
                        if (!Surface.Value.HasType(body))
                        {
                            missing.Add("T " + body);
                        }

                        break;
                    case "D":
                        string delegateType = body.Substring(0, body.IndexOf('('));
                        string invoke = delegateType + "::Invoke" + body.Substring(body.IndexOf('('));
                        if (!Surface.Value.HasType(delegateType) || !Surface.Value.Has(invoke))
                        {
                            missing.Add("D " + body);
                        }

                        break;
                    default:
                        if (!Surface.Value.Has(body))
                        {
                            missing.Add(kind + " " + body);
                        }

                        break;
                }
            }

            Assert.True(missing.Count == 0,
                AllowlistFile + " lists what " + MscorlibSurface.RestoredMscorlibPath() + " does not have:\n" + string.Join("\n", missing));
        }

        /// <summary>The other direction is informational: public members of the real assembly that are not (yet) allowlisted.</summary>
        [Fact]
        public void ReportsWhatTheRealMscorlibHasBeyondTheAllowlist()
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string kind, string body) in AllowlistLines())
            {
                listed.Add(body);
                if (kind == "D")
                {
                    // a delegate line allows its type, constructor and Invoke; BeginInvoke/EndInvoke have no runtime support
                    string type = body.Substring(0, body.IndexOf('('));
                    listed.Add(type + "::.ctor(System.Object,System.IntPtr) : System.Void");
                    listed.Add(type + "::Invoke" + body.Substring(body.IndexOf('(')));
                }
            }

            string[] notListed = Surface.Value.Members.Where(m => !listed.Contains(m)).OrderBy(m => m, StringComparer.Ordinal).ToArray();
            _output.WriteLine(notListed.Length + " public members of mscorlib are not allowlisted; generic types (compile, cannot run on 1.x): "
                + string.Join(", ", Surface.Value.GenericTypes.OrderBy(t => t, StringComparer.Ordinal)));
            foreach (string member in notListed)
            {
                _output.WriteLine(member);
            }

            Assert.NotEmpty(Surface.Value.Members);
        }

        [Theory]
        [InlineData("System.String::TrimStart(System.Char[]) : System.String")]
        [InlineData("System.String::Format(System.String,System.Object[]) : System.String")]
        [InlineData("System.SpanByte::get_Length() : System.Int32")]
        public void TheRealMscorlibIsRead(string member)
        {
            Assert.True(Surface.Value.Has(member), member);
        }

        [Theory]
        [InlineData("System.String::TrimStart() : System.String")]
        [InlineData("System.String::TrimEnd() : System.String")]
        [InlineData("System.String::Join(System.String,System.String[]) : System.String")]
        public void DotNetOnlyMembersAreNotInTheRealMscorlib(string member)
        {
            Assert.False(Surface.Value.Has(member), member);
        }

        private static IEnumerable<(string Kind, string Body)> AllowlistLines()
        {
            foreach (string raw in File.ReadLines(Path.Combine(RepoLayout.AllowlistDirectory, AllowlistFile)))
            {
                string line = raw.Trim();
                if (line.Length > 2 && line[1] == ' ' && "TMFD".IndexOf(line[0]) >= 0)
                {
                    yield return (line.Substring(0, 1), line.Substring(2).Trim());
                }
            }
        }
    }
}
