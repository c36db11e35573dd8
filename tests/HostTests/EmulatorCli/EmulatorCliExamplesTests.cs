using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using InterfaceFirmware.EmulatorCli;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.EmulatorCli.Session;
using Xunit;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>
    /// The example scripts in examples/scripts run clean on their board (<c>lyrat-*.session</c> on
    /// the LyraT, <c>audiokit-*.session</c> on the Audio Kit, <c>portable-*.session</c> on the
    /// portable board, the rest on the reference board), and
    /// the README's script examples are scripts the program reads.
    /// </summary>
    public sealed class EmulatorCliExamplesTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "interface-emulator-examples-" + Guid.NewGuid().ToString("N"));

        public EmulatorCliExamplesTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public static IEnumerable<object[]> Examples()
        {
            foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "examples", "scripts"), "*.session"))
            {
                yield return new object[] { Path.GetFileName(file) };
            }
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void AnExampleScriptRunsCleanOnItsBoard(string name)
        {
            string board = name.StartsWith("lyrat-", StringComparison.Ordinal) ? "lyrat"
                : name.StartsWith("audiokit-", StringComparison.Ordinal) ? "audiokit"
                : name.StartsWith("portable-", StringComparison.Ordinal) ? "portable" : "reference";
            string script = Path.Combine(RepositoryRoot(), "examples", "scripts", name);
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(new[] { "--board", board, "--script", script, "--out", Path.Combine(_dir, "out") }, output, error);

            Assert.True(exit == 0, error.ToString());
            Assert.Contains("pops heard     0", output.ToString());
            Assert.Contains("# Run: dotnet run --project hardware/EmulatorCli -- " + (board != "reference" ? "--board " + board + " " : string.Empty) + "--script examples/scripts/" + name, File.ReadAllText(script));
        }

        [Fact]
        public void TheReadmesScriptExamplesAreScriptsTheProgramReads()
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
            int from = readme.IndexOf("## The emulator program", StringComparison.Ordinal);
            int to = readme.IndexOf("\n## ", from + 10, StringComparison.Ordinal);
            string section = readme.Substring(from, to - from);
            int scripts = 0;
            foreach (Match block in Regex.Matches(section, "```\\n(.*?)```", RegexOptions.Singleline))
            {
                string text = block.Groups[1].Value;
                if (!Regex.IsMatch(text, @"^\+?[0-9.]+m?s\s", RegexOptions.Multiline))
                {
                    continue; // not a script
                }

                ScriptParser.Parse(text, Boards.Vocabulary("reference"));
                scripts++;
            }

            Assert.True(scripts >= 1, "the README shows a script");
        }

        internal static string RepositoryRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "InterfaceFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("no InterfaceFirmware.sln above " + AppContext.BaseDirectory);
        }
    }
}
