using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using InterfaceFirmware.EmulatorCli;
using InterfaceFirmware.EmulatorCli.Commands;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.HostTests.Gates;
using Xunit;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>
    /// <c>eq import</c>: an AutoEq ParametricEQ.txt written for the test (Data/, ten filters) is
    /// fitted to the SGTL5000's seven biquads; the reported worst deviation is checked against
    /// one computed here from the file written, and bounded; the errors a user can make.
    /// </summary>
    public sealed class EqImportTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "eq-import-" + Guid.NewGuid().ToString("N"));

        public EqImportTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        private static string TestFile => RepoLayout.Path("tests", "HostTests", "EmulatorCli", "Data", "AutoEqTest.ParametricEQ.txt");

        [Fact]
        public void TenFiltersAreFittedToSevenAndTheReportedErrorIsTheFilesOwn()
        {
            string outFile = Path.Combine(_dir, "headphone.eq");
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(new[] { "eq", "import", TestFile, "--out", outFile }, output, error);
            Assert.True(exit == Program.ExitOk, error.ToString() + output);
            Assert.Equal(string.Empty, error.ToString());
            string text = output.ToString();
            Assert.Contains("10 filter(s) read", text);
            Assert.Equal(3, Regex.Matches(text, "dropped \\(least significant\\)").Count);

            // The file the device reads: 59 bytes, 7 bands.
            byte[] bytes = File.ReadAllBytes(outFile);
            Assert.Equal(EqPresetFile.Size, bytes.Length);
            Assert.Equal(59, bytes.Length);
            var preset = new EqPreset();
            Assert.True(EqPresetFile.TryRead(bytes, preset));
            Assert.Equal(7, preset.Count);

            // The reported worst deviation at 48 kHz is the written preset's, recomputed here: the
            // chip's quantized biquads (preamp off) against all ten requested filters.
            var requested = EqImportCommand.Parse(File.ReadAllLines(TestFile), "test", out double? preamp, out int off);
            Assert.Equal(-6.4, preamp.Value, 6);
            Assert.Equal(0, off);
            var plan = new EqPlan();
            plan.Compute(preset, 48000);
            double worst = EqImportCommand.WorstDeviationDb(requested, plan, out double at);
            Match reported = Regex.Match(text, @"at 48000 Hz: worst deviation from the requested curve (?<db>[0-9.]+) dB");
            Assert.True(reported.Success, text);
            double reportedDb = double.Parse(reported.Groups["db"].Value, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(reportedDb - worst) <= 0.005, "reported " + reportedDb + ", recomputed " + worst);

            // What dropping three of ten costs for this curve: the largest dropped filter is +1.4 dB
            // (1250 Hz, Q 1.8), and the refit gains make up some of it; never worse than that band alone.
            Assert.True(worst < 1.4, "fitted error " + worst.ToString("F2") + " dB at " + at.ToString("F0") + " Hz");
            Assert.True(worst > 0.5, "three filters cannot be dropped for free");
        }

        [Fact]
        public void SevenFiltersOrFewerAreKeptAsTheyAreAndFitWithinTheTolerance()
        {
            string input = Path.Combine(_dir, "seven.txt");
            File.WriteAllLines(input, new[]
            {
                "Preamp: -5.0 dB",
                "Filter 1: ON LS Fc 100 Hz Gain 4.5 dB Q 0.71",
                "Filter 2: OFF PK Fc 300 Hz Gain 9 dB Q 2",
                "Filter 3: ON PK Fc 2000 Hz Gain -2.5 dB Q 1.4",
                "Filter 4: ON HS Fc 9000 Hz Gain 2 dB",
                "Filter 5: ON HP Fc 25 Hz Q 0.71",
            });
            string outFile = Path.Combine(_dir, "seven.eq");
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(Program.ExitOk, Program.Run(new[] { "eq", "import", input, "--out", outFile }, output, error));
            Assert.Contains("1 OFF skipped", output.ToString());
            Assert.DoesNotContain("dropped", output.ToString());
            var preset = new EqPreset();
            Assert.True(EqPresetFile.TryRead(File.ReadAllBytes(outFile), preset));
            Assert.Equal(4, preset.Count);
            Assert.Equal(EqFilterType.HighPass, preset.Type(3));
            Match reported = Regex.Match(output.ToString(), @"at 48000 Hz: worst deviation from the requested curve (?<db>[0-9.]+) dB");
            // Nothing dropped: only the preset's rounding and the chip's 20-bit coefficients (a
            // 25 Hz high-pass is where they are coarsest: 0.19 dB at 40 Hz).
            Assert.True(double.Parse(reported.Groups["db"].Value, CultureInfo.InvariantCulture) <= 0.3, output.ToString());
        }

        [Fact]
        public void AMissingFileABadLineAndAMissingOutAreClearErrors()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(new[] { "eq", "import", Path.Combine(_dir, "none.txt"), "--out", Path.Combine(_dir, "x.eq") }, output, error);
            Assert.Equal(Program.ExitUsage, exit);
            Assert.Contains("no such file", error.ToString());
            Assert.DoesNotContain("   at ", error.ToString());

            string bad = Path.Combine(_dir, "bad.txt");
            File.WriteAllLines(bad, new[] { "Preamp: -3 dB", "Filter 1: ON PK Fc 100 Hz Gain 2 dB Q 1", "Filter 2: ON XY Fc 200 Hz Gain 2 dB Q 1" });
            error = new StringWriter();
            exit = Program.Run(new[] { "eq", "import", bad, "--out", Path.Combine(_dir, "x.eq") }, new StringWriter(), error);
            Assert.Equal(Program.ExitUsage, exit);
            Assert.Contains("bad.txt:3: filter type XY is not supported", error.ToString());
            Assert.False(File.Exists(Path.Combine(_dir, "x.eq")), "nothing written");

            File.WriteAllLines(bad, new[] { "Filter 1: ON PK Fc 100 Hz Gain 2 dB Q 1", "Gain: 5" });
            error = new StringWriter();
            Assert.Equal(Program.ExitUsage, Program.Run(new[] { "eq", "import", bad, "--out", Path.Combine(_dir, "x.eq") }, new StringWriter(), error));
            Assert.Contains("bad.txt:2: not a Preamp or Filter line", error.ToString());

            File.WriteAllLines(bad, new[] { "# nothing but a comment" });
            error = new StringWriter();
            Assert.Equal(Program.ExitUsage, Program.Run(new[] { "eq", "import", bad, "--out", Path.Combine(_dir, "x.eq") }, new StringWriter(), error));
            Assert.Contains("no filters", error.ToString());

            error = new StringWriter();
            Assert.Equal(Program.ExitUsage, Program.Run(new[] { "eq", "import", TestFile }, new StringWriter(), error));
            Assert.Contains("--out", error.ToString());

            error = new StringWriter();
            Assert.Equal(Program.ExitUsage, Program.Run(new[] { "eq", "import", TestFile, "--out", Path.Combine(_dir, "no", "such", "x.eq") }, new StringWriter(), error));
            Assert.Contains("--out " + Path.Combine(_dir, "no", "such", "x.eq") + ": the folder " + Path.Combine(_dir, "no", "such") + " does not exist", error.ToString());
        }
    }
}
