using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using InterfaceFirmware.EmulatorCli;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.EmulatorCli.Session;
using Xunit;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>
    /// What a new user meets at the edges of the README's emulator program: a full disk, one file
    /// under two spellings, an output that is an input, the script's time formats, line endings
    /// and empty scripts, help texts and exit codes, WAV formats, and redirected output.
    /// </summary>
    public sealed class EmulatorCliEdgeTests : IDisposable
    {
        private const string ShortScript =
            "0s usb attach\n0s playback sine 440 -12\n0.7s boot\n+0ms usb play\n3s expect level main -30.1\n+200ms end\n";

        private readonly string _dir = Path.Combine(Path.GetTempPath(), "interface-emulator-edge-" + Guid.NewGuid().ToString("N"));

        public EmulatorCliEdgeTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void AFullDiskIsOneMessageAndLeavesThePreviousFilesAndNoTemporary()
        {
            if (!File.Exists("/dev/full"))
            {
                return; // Linux only: /dev/full answers every write with ENOSPC
            }

            string outDir = Path.Combine(_dir, "out");
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, "main.wav"), "an earlier recording");
            File.WriteAllText(Path.Combine(outDir, "timeline.txt"), "an earlier timeline");
            string script = Write("short.session", ShortScript);

            // timeline.txt's temporary (written third, after both jacks' WAVs) is a link to /dev/full.
            Result run = Run(FullDiskFor("timeline.txt"), "--script", script, "--out", outDir);

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.Contains("could not write " + Path.Combine(outDir, "timeline.txt") + " (No space left on device", run.Error);
            Assert.Contains("no output was changed", run.Error);
            Assert.DoesNotContain("   at ", run.Error);
            Assert.Equal("an earlier recording", File.ReadAllText(Path.Combine(outDir, "main.wav")));
            Assert.Equal("an earlier timeline", File.ReadAllText(Path.Combine(outDir, "timeline.txt")));
            Assert.Equal(new[] { "main.wav", "timeline.txt" }, Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.DoesNotContain("wrote ", run.Output);
        }

        [Fact]
        public void AFullDiskUnderEqImportKeepsThePreviousPreset()
        {
            if (!File.Exists("/dev/full"))
            {
                return;
            }

            string input = Write("ParametricEQ.txt", "Preamp: -3 dB\nFilter 1: ON PK Fc 100 Hz Gain 3.0 dB Q 0.7\n");
            string preset = Write("user1.eq", "the preset before");
            Result run = Run(FullDiskFor("user1.eq"), "eq", "import", input, "--out", preset);

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.Contains("No space left on device", run.Error);
            Assert.Equal("the preset before", File.ReadAllText(preset));
            Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
            Assert.Empty(Directory.GetFiles(_dir, ".*"));
        }

        [Fact]
        public void TheSameFileUnderTwoSpellingsIsRefusedBeforeTheSessionRuns()
        {
            string x = Write("x.wav", "an earlier recording");
            Directory.CreateDirectory(Path.Combine(_dir, "sub"));
            string[] spellings =
            {
                _dir + "/./x.wav",
                _dir + "/sub/../x.wav",
                _dir + "//x.wav",
            };
            foreach (string other in spellings)
            {
                Result run = Run("--wav", x, "--trace", other, "--out", Path.Combine(_dir, "out"));
                Assert.Equal(Program.ExitUsage, run.Exit);
                Assert.Contains("--trace and --wav both name " + x, run.Error);
                Assert.Equal(string.Empty, run.Output);
            }

            string link = Path.Combine(_dir, "link.wav");
            File.CreateSymbolicLink(link, x);
            Result linked = Run("--wav", x, "--trace", link, "--out", Path.Combine(_dir, "out"));
            Assert.Equal(Program.ExitUsage, linked.Exit);
            Assert.Contains("--trace and --wav both name " + x + " and " + link + " (one file)", linked.Error);

            string folderLink = Path.Combine(_dir, "elsewhere");
            Directory.CreateSymbolicLink(folderLink, _dir);
            Result viaFolder = Run("--wav", Path.Combine(folderLink, "x.wav"), "--trace", x, "--out", Path.Combine(_dir, "out"));
            Assert.Equal(Program.ExitUsage, viaFolder.Exit);
            Assert.Contains("(one file)", viaFolder.Error);

            Assert.Equal("an earlier recording", File.ReadAllText(x));
            Assert.False(Directory.Exists(Path.Combine(_dir, "out"))); // not even the folder
        }

        [Fact]
        public void AFolderThatCannotBeWrittenIsRefusedBeforeTheSessionRuns()
        {
            if (!Directory.Exists("/proc/self"))
            {
                return; // Linux: /proc takes no new files, even from root
            }

            string script = Write("short.session", ShortScript);
            Result wav = Run("--script", script, "--out", Path.Combine(_dir, "out"), "--wav", "/proc/x.wav");
            Assert.Equal(Program.ExitUsage, wav.Exit);
            Assert.StartsWith("interface-emulator: --wav /proc/x.wav: cannot write in /proc (", wav.Error);
            Assert.Single(wav.Error.TrimEnd().Split('\n'));
            Assert.Equal(string.Empty, wav.Output); // not a line ran
            Assert.False(Directory.Exists(Path.Combine(_dir, "out")));

            Result folder = Run("--script", script, "--out", "/proc/interface-emulator-out");
            Assert.Equal(Program.ExitUsage, folder.Exit);
            Assert.StartsWith("interface-emulator: --out /proc/interface-emulator-out: cannot create the folder (", folder.Error);
            Assert.DoesNotContain("   at ", folder.Error);
        }

        [Fact]
        public void AnOutputThatIsAFileTheRunReadsIsRefused()
        {
            string input = WriteWav("in.wav", 48000, 2, 0.2);
            string script = Write("s.session", "0s usb attach\n0s boot\n0.7s usb play\n+0ms playback wav in.wav\n2s end\n");
            Result wavOverInput = Run("--script", script, "--wav", _dir + "/./in.wav", "--out", Path.Combine(_dir, "out"));
            Assert.Equal(Program.ExitUsage, wavOverInput.Exit);
            Assert.Contains("--wav " + input + " is the WAV file of line 4 (" + input + "), a file this run reads", wavOverInput.Error);

            Result traceOverScript = Run("--script", script, "--trace", script, "--out", Path.Combine(_dir, "out"));
            Assert.Equal(Program.ExitUsage, traceOverScript.Exit);
            Assert.Contains("is the script (" + script + ")", traceOverScript.Error);

            // render --out DIR where DIR/main.wav is the input
            string renderDir = Path.Combine(_dir, "render");
            Directory.CreateDirectory(renderDir);
            string main = Path.Combine(renderDir, "main.wav");
            File.Copy(input, main);
            byte[] before = File.ReadAllBytes(main);
            Result render = Run("render", "--input-wav", main, "--out", renderDir);
            Assert.Equal(Program.ExitUsage, render.Exit);
            Assert.Contains("--out " + main + " is --input-wav", render.Error);
            Assert.Single(render.Error.TrimEnd().Split('\n'));
            Assert.Equal(before, File.ReadAllBytes(main));

            string eq = Write("eq.txt", "Filter 1: ON PK Fc 100 Hz Gain 3.0 dB Q 0.7\n");
            Result eqOverInput = Run("eq", "import", eq, "--out", eq);
            Assert.Equal(Program.ExitUsage, eqOverInput.Exit);
            Assert.Contains("is the AutoEq file", eqOverInput.Error);
            Assert.Equal("Filter 1: ON PK Fc 100 Hz Gain 3.0 dB Q 0.7\n", File.ReadAllText(eq));
        }

        [Fact]
        public void AScriptOfOnlyCommentsOrNothingIsRefused()
        {
            foreach (string text in new[] { string.Empty, "# nothing here\n\n   \n", "\r\n" })
            {
                string script = Write("empty.session", text);
                Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"));
                Assert.Equal(Program.ExitUsage, run.Exit);
                Assert.Contains(script + ": no command in it (only blank lines and comments): nothing to run", run.Error);
                Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
            }
        }

        [Fact]
        public void WindowsLineEndingsAndTrailingCommentsReadAsUnixOnes()
        {
            string unix = "0s usb attach   # the computer\n0s boot\n0.7s usb play # playing\n+1.5s press volume-up for 300ms #up\n4s expect level main -29.6 within 0.1 # one step\n";
            ScriptVocabulary v = Boards.Vocabulary("reference");
            ScriptStep[] a = ScriptParser.Parse(unix, v);
            ScriptStep[] b = ScriptParser.Parse(unix.Replace("\n", "\r\n"), v);
            Assert.Equal(a.Select(s => s.Text + "|" + s.TimeMs + "|" + s.Value), b.Select(s => s.Text + "|" + s.TimeMs + "|" + s.Value));
            Assert.Equal("4s expect level main -29.6 within 0.1", b[4].Text);
            Assert.Equal(new long[] { 0, 0, 700, 2200, 4000 }, b.Select(s => s.TimeMs));

            string script = Write("crlf.session", unix.Replace("\n", "\r\n"));
            Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"));
            Assert.True(run.Exit == 0, run.Error);
        }

        [Theory]
        [InlineData("1.5s", 1500)]
        [InlineData("250ms", 250)]
        [InlineData("0.25s", 250)]
        [InlineData(".5s", 500)]
        [InlineData("90s", 90000)]
        [InlineData("1.25ms", 1)]
        public void TimesAreSecondsOrMilliseconds(string time, long ms)
        {
            ScriptStep[] steps = ScriptParser.Parse(time + " boot\n", Boards.Vocabulary("reference"));
            Assert.Equal(ms, steps[0].TimeMs);
        }

        [Theory]
        [InlineData("1m")]
        [InlineData("1min")]
        [InlineData("1.5")]
        [InlineData("1,5s")]
        [InlineData("1e3ms")]
        [InlineData("-1s")]
        [InlineData("+-1s")]
        [InlineData("1S")]
        [InlineData("1.5 s")]
        [InlineData("00:01")]
        public void AnythingElseIsNotATime(string time)
        {
            var e = Assert.Throws<ScriptException>(() => ScriptParser.Parse("0s boot\n" + time + " press select\n", Boards.Vocabulary("reference")));
            Assert.StartsWith("line 2: '" + time.Split(' ')[0] + "' is not a time", e.Message);
        }

        [Fact]
        public void TimesGoingBackAreAnErrorNamingTheLine()
        {
            var e = Assert.Throws<ScriptException>(() => ScriptParser.Parse("0s boot\n2s press select\n# a comment\n1500ms press select\n", Boards.Vocabulary("reference")));
            Assert.Equal("line 4: 1500ms is before the line above (2s): times never go back", e.Message);
        }

        [Fact]
        public void AMutedJackKeepsItsLevelAndIsHeardAsSilence()
        {
            string script = Write("muted.session",
                "0s usb attach\n0s playback sine 1000 -12\n0s boot\n0.7s usb play\n" +
                "2s hold select 600ms\n+200ms press volume-down\n+1s expect muted main\n" +
                "+0ms expect level main -30.1\n" + // the setting is kept while muted
                "+0ms expect heard main -150\n" + // silence reads -150 dB
                "+0ms expect heard main -60\n");
            Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(Program.ExitExpectationFailed, run.Exit);
            Assert.Equal("interface-emulator: " + script + ": line 10 (expect heard main -60): the main jack plays at silence (-150.0 dB or below) (RMS of the last 100 ms)", run.Error.TrimEnd());
        }

        [Fact]
        public void AnUnknownCommandOrOptionIsExit2WithTheHelpPointer()
        {
            foreach (string[] args in new[] { new[] { "bogus" }, new[] { "--bogus" }, new[] { "render", "--wav", "x" }, new[] { "--board" } })
            {
                Result run = Run(args);
                Assert.Equal(Program.ExitUsage, run.Exit);
                Assert.Contains("(interface-emulator --help lists the options)", run.Error);
                Assert.Equal(string.Empty, run.Output);
            }
        }

        [Theory]
        [InlineData("--help", "--script <FILE>", "Exit codes: 0")]
        [InlineData("render --help", "--input-wav <FILE>", "resampled to 48 kHz")]
        [InlineData("interactive --help", "--board <", "exits 2")]
        [InlineData("eq import --help", "--out <PRESETFILE>", "SGTL5000")]
        public void EachCommandHasHelp(string args, string option, string text)
        {
            Result run = Run(args.Split(' '));
            Assert.Equal(0, run.Exit);
            Assert.Contains("Usage:", run.Output);
            Assert.Contains(option, run.Output);
            Assert.Contains(text, run.Output);
            if (!args.StartsWith("eq", StringComparison.Ordinal))
            {
                Assert.Contains("--board <" + string.Join("|", Boards.Names) + ">", run.Output);
            }
            else
            {
                Assert.DoesNotContain("--board", run.Output); // the EQ import has no board
            }
        }

        [Fact]
        public void EveryBoardHasItsDefaultSession()
        {
            Assert.Equal("reference", Boards.Names[0]);
            Assert.Contains("audiokit", Boards.Names);
            Assert.Contains("lyrat", Boards.Names);
            foreach (string board in Boards.Names)
            {
                string session = Program.DefaultSession(board);
                Assert.True(session != null, "no Sessions/" + board + ".session for the " + board + " board");
                ScriptParser.Parse(session, Boards.Vocabulary(board)); // names only what the board has
            }
        }

        [Fact]
        public void RenderTakesA44kMono16BitFileAndPrintsNoControlCharactersWhenRedirected()
        {
            string input = WriteWav("mono.wav", 44100, 1, 1.0);
            string outDir = Path.Combine(_dir, "render");
            Result run = Run("render", "--input-wav", input, "--playback-wav", input, "--out", outDir);

            Assert.True(run.Exit == 0, run.Error);
            Assert.DoesNotContain('\u001b', run.Output);
            Assert.DoesNotContain('\r', run.Output);
            byte[] main = File.ReadAllBytes(Path.Combine(outDir, "main.wav"));
            Assert.Equal(48000, BitConverter.ToInt32(main, 24));
            Assert.Equal(2, BitConverter.ToInt16(main, 22));
            Assert.Equal(24, BitConverter.ToInt16(main, 34));
            double seconds = (main.Length - WavWriter.HeaderBytes) / 6.0 / 48000;
            Assert.InRange(seconds, 1.49, 1.51); // the file (1 s, resampled) and the 0.5 s tail
        }

        [Fact]
        public void TheProgramItselfRedirectedShowsNoProgressBarAndTheLivePanelRefuses()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "interface-emulator.dll");
            string input = WriteWav("in.wav", 48000, 2, 0.5);

            (int exit, string stdout, string stderr) = Start(dll, "render", "--input-wav", input, "--out", Path.Combine(_dir, "render"));
            Assert.True(exit == 0, stderr);
            Assert.DoesNotContain('\u001b', stdout);
            Assert.DoesNotContain('\r', stdout);
            Assert.DoesNotContain("rendering", stdout); // the progress bar's line
            Assert.Contains("summary", stdout);

            (int panelExit, string panelOut, string panelError) = Start(dll, "interactive");
            Assert.Equal(Program.ExitUsage, panelExit);
            Assert.Equal(string.Empty, panelOut);
            Assert.StartsWith("interface-emulator interactive: needs a terminal (its input or output is redirected)", panelError);
            Assert.Single(panelError.TrimEnd().Split('\n'));
        }

        private static (int Exit, string Stdout, string Stderr) Start(string dll, params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            info.ArgumentList.Add(dll);
            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }

            using Process process = Process.Start(info);
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60000), "the program ended");
            return (process.ExitCode, stdout, stderr.Result);
        }

        // The temporary file of the output named <paramref name="fileName"/> is a link to /dev/full (writes fail with ENOSPC).
        private static Func<string, Stream> FullDiskFor(string fileName)
        {
            return path =>
            {
                if (Path.GetFileName(path).StartsWith("." + fileName + ".", StringComparison.Ordinal))
                {
                    File.CreateSymbolicLink(path, "/dev/full");
                    return new FileStream(path, FileMode.Open, FileAccess.Write);
                }

                return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            };
        }

        private string Write(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        // A 16-bit PCM 440 Hz sine at -12 dBFS peak.
        private string WriteWav(string name, int rate, int channels, double seconds)
        {
            return TestWav.Write(Path.Combine(_dir, name), rate, channels, seconds, 0.25);
        }

        private static Result Run(params string[] args)
        {
            return Run(null, args);
        }

        private static Result Run(Func<string, Stream> createTemporary, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(args, output, error, createTemporary);
            return new Result(exit, output.ToString(), error.ToString());
        }

        private sealed record Result(int Exit, string Output, string Error);
    }
}
