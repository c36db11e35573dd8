using System;
using System.IO;
using System.Text;
using InterfaceFirmware.EmulatorCli;
using InterfaceFirmware.EmulatorCli.Output;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.EmulatorCli.Session;
using Xunit;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>
    /// The README's first command: the firmware on each emulated board runs its default session
    /// clean and writes its files; scripts, their errors, and the errors a user can make with
    /// the outputs.
    /// </summary>
    public sealed class EmulatorCliTests : IDisposable
    {
        private const string ShortReferenceScript =
            "0s usb attach\n" +
            "0s playback sine 440 -12\n" +
            "0.7s boot\n" +
            "+0ms usb play\n" +
            "3s expect level main -30.1\n" +
            "+0ms expect pops 0\n" +
            "+200ms end\n";

        private readonly string _dir = Path.Combine(Path.GetTempPath(), "interface-emulator-" + Guid.NewGuid().ToString("N"));

        public EmulatorCliTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Theory]
        [InlineData("reference", "volume keys on the second jack")]
        [InlineData("audiokit", "monitor mono")]
        [InlineData("lyrat", "monitor mono")]
        public void TheDefaultSessionRunsTheFirmwareCleanAndWritesOneWavPerJack(string board, string boardSpecific)
        {
            string outDir = Path.Combine(_dir, "out");
            Result run = Run("--board", board, "--out", outDir);

            Assert.True(run.Exit == 0, run.Error + run.Output);
            Assert.Equal(string.Empty, run.Error);
            Assert.Contains("clocked by the " + (board == "reference" ? "USB bridge" : "ESP32"), run.Output);
            Assert.Contains("main jack muted", run.Output);
            Assert.Contains("high range", run.Output);
            Assert.Contains("monitor off", run.Output);
            Assert.Contains("blend toward inputs", run.Output);
            Assert.Contains(boardSpecific, run.Output);
            Assert.Contains("▶ hold", run.Output);
            Assert.Contains("= main -23.", run.Output); // a level the held sweep reached
            Assert.Contains("LEDs ", run.Output);
            Assert.Contains("pops heard     0", run.Output);
            Assert.Contains("0 redundant writes", run.Output);

            int jacks = board == "reference" ? 2 : 1;
            Assert.Equal(jacks + 2, Directory.GetFiles(outDir).Length); // nothing left over: no temporaries
            AssertPng(Path.Combine(outDir, Program.PictureFile));
            foreach (string jack in jacks == 2 ? new[] { "main", "second" } : new[] { "main" })
            {
                AssertWav(Path.Combine(outDir, jack + ".wav"), 25);
            }

            if (board == "reference")
            {
                // The rest of the story: keep-alive on the bank, the computer's clocks, input gain, auto gain, the rate change.
                Assert.Contains("standalone 48 kHz + keep-alive", run.Output);
                Assert.Contains("keep-alive: pulse 2", run.Output);
                Assert.Contains("│ USB 48 kHz │", run.Output);
                Assert.Contains("│ USB 44.1 kHz │", run.Output);
                Assert.Contains("changing clocks (muted)", run.Output);
                Assert.Contains("keys → input 1 gain", run.Output);
                Assert.Contains("input gain +6.75 / +12.00 dB", run.Output); // input 1 stepped down in 0.75 dB steps
                Assert.Contains("auto gain done", run.Output);
                Assert.Contains("│ peaks -", run.Output);
            }

            string timeline = File.ReadAllText(Path.Combine(outDir, "timeline.txt"));
            Assert.Contains("main jack muted", timeline);
            Assert.Contains("summary", timeline);
        }

        [Fact]
        public void ExpectHeardMeasuresTheJacksAudio()
        {
            string script = Write("heard.session",
                "0s usb attach\n0s playback sine 1000 -12\n0s boot\n0.7s usb play\n" +
                "3s expect heard main -42.1 within 0.3\n" + // the -12 dBFS sine through the -30.1 dB default level, no input
                "+0ms expect heard main -30\n");
            Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(Program.ExitExpectationFailed, run.Exit);
            Assert.Contains("line 6 (expect heard main -30): the main jack plays at -42.", run.Error);
        }

        [Fact]
        public void FaultsPowerAndWavLinesRunAndShowInTheTimeline()
        {
            WriteWav("voice.wav", 44100, 1, 2.0, 0.1);
            string script = Write("faults.session",
                "0s usb attach\n0s boot\n0.7s usb play\n+0ms usb record\n" +
                "1s input input-1 wav voice.wav\n+0ms playback wav voice.wav\n" +
                "3s fault thermal 1s\n" +
                "+4s fault brownout amplifier\n" + // after the amplifier cooled down (its re-sync would hide the brown-out)
                "+2s fault brownout wm8960-b\n" + // write-only: the firmware cannot tell (reported)
                "+2s fault brownout 0x1A\n" +
                "+2s power cut\n+1s power on\n" +
                "+4s expect open main\n");
            Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"));

            Assert.True(run.Exit == 0, run.Error + run.Output);
            Assert.Contains("headphone amplifier overheated", run.Output);
            Assert.Contains("cooled down", run.Output);
            Assert.Contains("headphone amplifier lost its registers", run.Output);
            Assert.Contains("= FAULT │", run.Output);
            Assert.Contains("= no power", run.Output);
            Assert.Contains("settings: loaded record", run.Output); // the boot after power on
            Assert.Contains("up: USB mode", run.Output.Substring(run.Output.IndexOf("▶ power on", StringComparison.Ordinal))); // the computer's port again
        }

        [Fact]
        public void RenderPlaysWavFilesThroughTheFirmwareIntoOneWavPerJack()
        {
            string input = WriteWav("in.wav", 48000, 2, 1.5, 0.05);
            string playback = WriteWav("pb.wav", 44100, 2, 2.0, 0.25);
            string outDir = Path.Combine(_dir, "render");
            Result run = Run("render", "--input-wav", input, "--playback-wav", playback, "--out", outDir);

            Assert.True(run.Exit == 0, run.Error);
            Assert.Contains("pops heard     0", run.Output);
            AssertWav(Path.Combine(outDir, "main.wav"), 2);
            AssertPng(Path.Combine(outDir, Program.PictureFile));
            byte[] main = File.ReadAllBytes(Path.Combine(outDir, "main.wav"));
            double seconds = (main.Length - WavWriter.HeaderBytes) / 6.0 / 48000;
            Assert.InRange(seconds, 2.0 + 0.49, 2.0 + 0.51); // from the files' start to their end and the tail
        }

        [Theory]
        [InlineData("render --input-wav {dir}/missing.wav", "--input-wav {dir}/missing.wav: cannot read it (no such file)")]
        [InlineData("render --playback-wav {dir}/text.wav", "--playback-wav {dir}/text.wav: cannot read it (not a WAV file (no RIFF/WAVE header))")]
        [InlineData("render", "give --input-wav FILE, --playback-wav FILE or both")]
        [InlineData("--script {dir}/wav.session", "line 1 (input input-1 wav missing.wav): cannot read {dir}/missing.wav: no such file")]
        [InlineData("--script {dir}/badwav.session", "line 1 (playback wav text.wav): cannot read {dir}/text.wav: not a WAV file")]
        [InlineData("--script {dir}/chip.session", "line 1: the reference board has no chip 'wm8988' (its chips: amplifier, codec, tpa6130a2, wm8960, wm8960-b, or an address)")]
        [InlineData("--script {dir}/address.session", "line 1: no chip answers at 0x30 on the reference board")]
        [InlineData("--board lyrat --script {dir}/thermal.session", "line 1: the lyrat board has no headphone amplifier to overheat")]
        [InlineData("interactive", "interface-emulator interactive: needs a terminal")]
        public void TheNewCommandsErrorsAreOneLineAndWriteNothing(string args, string message)
        {
            Write("text.wav", "not audio");
            Write("wav.session", "0s input input-1 wav missing.wav\n");
            Write("badwav.session", "0s playback wav text.wav\n");
            Write("chip.session", "0s fault brownout wm8988\n");
            Write("address.session", "0s fault brownout 0x30\n");
            Write("thermal.session", "0s fault thermal 1s\n");
            string outDir = Path.Combine(_dir, "out");
            string[] argv = (args.Replace("{dir}", _dir) + " --out " + outDir).Split(' ');
            if (args == "interactive")
            {
                argv = new[] { "interactive" };
            }

            Result run = Run(argv);

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains(message.Replace("{dir}", _dir), run.Error);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.DoesNotContain("   at ", run.Error);
            Assert.False(File.Exists(Path.Combine(outDir, "main.wav")));
        }

        [Fact]
        public void TheWavReaderReadsPcmAndFloatAndRefusesWhatItCannot()
        {
            WavAudio stereo = WavReader.Read(WriteWav("s.wav", 44100, 2, 0.1, 0.5));
            Assert.Equal(44100, stereo.SampleRate);
            Assert.Equal(2, stereo.Channels);
            Assert.Equal(4410, stereo.Left.Length);
            Assert.InRange(Max(stereo.Left), 0.49, 0.51);

            byte[] header = File.ReadAllBytes(WriteWav("f.wav", 48000, 1, 0.01, 0.5));
            header[20] = 3; // float format, 16 bit: not a format that exists
            Assert.Throws<WavException>(() => WavReader.Parse(header));
        }

        [Fact]
        public void TheWavAndTraceOptionsWriteTheMainJackAndTheI2cCsv()
        {
            string script = Write("short.session", ShortReferenceScript);
            string wav = Path.Combine(_dir, "main.wav");
            string trace = Path.Combine(_dir, "trace.csv");
            Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"), "--wav", wav, "--trace", trace);

            Assert.True(run.Exit == 0, run.Error);
            AssertWav(wav, 3);
            Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "out", "main.wav")), File.ReadAllBytes(wav));
            string[] lines = File.ReadAllLines(trace);
            Assert.Equal("time_ms,device,address,op,data,status", lines[0]);
            Assert.True(lines.Length > 50);
            Assert.Contains("wrote " + trace, run.Output);
        }

        [Fact]
        public void AFailedExpectationEndsTheRunWithExitCode1NamingItsLine()
        {
            string script = Write("fails.session",
                "0s usb attach\n0.7s boot\n# the level is -30.1 dB, not -12\n3s expect level main -12\n+1s expect pops 0\n");
            Result run = Run("--script", script, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(1, run.Exit);
            Assert.Contains("line 4 (expect level main -12): the main jack's level is -30.1 dB", run.Error);
            Assert.DoesNotContain("line 5", run.Output); // the run stopped there
        }

        [Theory]
        [InlineData("0s usb attach\n1s press volume-upp\n", "line 2: the reference board has no button 'volume-upp' (its buttons: volume-up, volume-down, monitor, select)")]
        [InlineData("0s boot\n\n# fine\n2s expect level headphones -20\n", "line 4: the reference board has no jack 'headphones'")]
        [InlineData("0s boot\nsoon press select\n", "line 2: 'soon' is not a time")]
        [InlineData("2s boot\n1s press select\n", "line 2: 1s is before the line above (2s)")]
        [InlineData("0s boot\n1s jump\n", "line 2: unknown command 'jump'")]
        [InlineData("0s boot\n1s press select for ever\n", "line 2: 'ever' is not a duration")]
        [InlineData("0s input input-3 sine 440 -12\n", "line 1: the reference board has no input 'input-3'")]
        [InlineData("0s fault 0x1A glitch 1s\n", "line 1: 'glitch' is not a fault (nack or absent)")]
        [InlineData("0s end\n1s boot\n", "line 2: nothing may follow 'end'")]
        [InlineData("0s boot\n0.5s usb play\n", "line 2 (usb play): USB host not configured")]
        public void ABadScriptLineIsOneMessageWithItsLineNumberAndNothingIsWritten(string script, string message)
        {
            string path = Write("bad.session", script);
            string wav = Write("existing.wav", "keep me");
            Result run = Run("--script", path, "--out", Path.Combine(_dir, "out"), "--wav", wav);

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains(message, run.Error);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.DoesNotContain("   at ", run.Error);
            Assert.Equal("keep me", File.ReadAllText(wav));
            Assert.False(Directory.Exists(Path.Combine(_dir, "out")), "the --out folder made for the run is gone again");
        }

        [Fact]
        public void UsbCommandsAreRefusedOnABoardWithoutTheBridge()
        {
            string path = Write("usb.session", "0s boot\n1s usb attach\n");
            Result run = Run("--board", "lyrat", "--script", path, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("line 2: the lyrat board has no USB audio bridge", run.Error);
        }

        [Fact]
        public void AWavInAFolderThatDoesNotExistIsRefusedBeforeTheSessionRuns()
        {
            string wav = Path.Combine(_dir, "nonexistent", "x.wav");
            Result run = Run("--wav", wav, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("--wav " + wav + ": the folder " + Path.Combine(_dir, "nonexistent") + " does not exist", run.Error);
            Assert.Equal(string.Empty, run.Output); // not a line of the session ran
            Assert.DoesNotContain("   at ", run.Error);
        }

        [Fact]
        public void TwoOutputsWithOnePathAreRefusedAndTheExistingFileIsKept()
        {
            string same = Write("x.wav", "an earlier recording");
            Result run = Run("--wav", same, "--trace", same, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("--trace and --wav both name " + same, run.Error);
            Assert.Equal("an earlier recording", File.ReadAllText(same));
            Assert.Equal(string.Empty, run.Output);
        }

        [Fact]
        public void AnOutputInsideTheOutFolderWithAJacksNameIsTheSamePath()
        {
            string outDir = Path.Combine(_dir, "out");
            Result run = Run("--out", outDir, "--wav", Path.Combine(outDir, "main.wav"));

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("both name", run.Error);
        }

        [Fact]
        public void AnOutFolderThatIsAFileOrCannotBeMadeIsRefused()
        {
            string file = Write("not-a-folder", "x");
            Result run = Run("--out", file);
            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("that is a file, not a folder", run.Error);

            Result deep = Run("--out", Path.Combine(_dir, "missing", "out"));
            Assert.Equal(Program.ExitUsage, deep.Exit);
            Assert.Contains("does not exist", deep.Error);
        }

        [Fact]
        public void AMissingScriptIsOneClearMessage()
        {
            Result run = Run("--script", Path.Combine(_dir, "nope.session"), "--out", Path.Combine(_dir, "out"));

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("nope.session: cannot read it (no such file)", run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }

        [Fact]
        public void AnUnknownBoardIsRefused()
        {
            Result run = Run("--board", "lyrat-mini");

            Assert.Equal(Program.ExitUsage, run.Exit);
            Assert.Contains("lyrat-mini", run.Error);
            Assert.Equal(string.Empty, run.Output);
        }

        [Fact]
        public void TheDefaultSessionCanBePrintedAndRunsAsAScript()
        {
            Result printed = Run("--print-default", "--board", "audiokit");
            Assert.Equal(0, printed.Exit);
            Assert.Contains("key6", printed.Output);
            string shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sessions", "audiokit.session"));
            Assert.Equal(shipped, printed.Output);
        }

        [Fact]
        public void TimesAreAbsoluteOrAfterTheLineAboveAndPressesTakeADuration()
        {
            ScriptStep[] steps = ScriptParser.Parse(
                "1.5s press select   # a comment\n+250ms hold monitor 2s\n\n+0ms double select\n4s press volume-up for 700ms\n",
                Boards.Vocabulary("reference"));

            Assert.Equal(new long[] { 1500, 1750, 1750, 4000 }, Array.ConvertAll(steps, s => s.TimeMs));
            Assert.Equal(new[] { 1, 2, 4, 5 }, Array.ConvertAll(steps, s => s.Line));
            Assert.Equal(ScriptParser.DefaultPressMs, steps[0].Value);
            Assert.Equal(2000, steps[1].Value);
            Assert.Equal(Verb.Double, steps[2].Verb);
            Assert.Equal(700, steps[3].Value);
        }

        private static void AssertPng(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(SessionPicture.Width, BigEndian(bytes, 16));
            Assert.Equal(SessionPicture.Height, BigEndian(bytes, 20));
            Assert.True(bytes.Length > 20000, "a picture with content: " + bytes.Length + " bytes");
        }

        private static int BigEndian(byte[] b, int at)
        {
            return (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        }

        private static double Max(double[] values)
        {
            double max = 0;
            foreach (double v in values)
            {
                max = Math.Max(max, Math.Abs(v));
            }

            return max;
        }

        // A 16-bit PCM sine (440 Hz) at the given peak.
        private string WriteWav(string name, int rate, int channels, double seconds, double peak)
        {
            return TestWav.Write(Path.Combine(_dir, name), rate, channels, seconds, peak);
        }

        private static void AssertWav(string path, int atLeastSeconds)
        {
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
            Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(bytes, 8, 8));
            Assert.Equal(1, BitConverter.ToInt16(bytes, 20)); // PCM
            Assert.Equal(2, BitConverter.ToInt16(bytes, 22)); // stereo
            Assert.Equal(48000, BitConverter.ToInt32(bytes, 24));
            Assert.Equal(24, BitConverter.ToInt16(bytes, 34));
            Assert.Equal("data", Encoding.ASCII.GetString(bytes, 36, 4));
            int dataBytes = BitConverter.ToInt32(bytes, 40);
            Assert.Equal(bytes.Length - WavWriter.HeaderBytes, dataBytes);
            Assert.True(dataBytes / 6 >= 48000 * atLeastSeconds, "at least " + atLeastSeconds + " s of stereo audio");
        }

        private string Write(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static Result Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(args, output, error);
            return new Result(exit, output.ToString(), error.ToString());
        }

        private sealed record Result(int Exit, string Output, string Error);
    }
}
