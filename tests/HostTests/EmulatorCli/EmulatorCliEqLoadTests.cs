using System;
using System.IO;
using InterfaceFirmware.EmulatorCli;
using Xunit;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>
    /// <c>eq load FILE</c> in a script: an <c>eq import</c> preset reaches the portable board's
    /// preset store and the firmware offers it after the built-ins; a file that is not a preset
    /// is refused before anything runs, naming the line.
    /// </summary>
    public sealed class EmulatorCliEqLoadTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "interface-emulator-eqload-" + Guid.NewGuid().ToString("N"));

        public EmulatorCliEqLoadTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void AnImportedPresetIsOfferedAfterTheBuiltIns()
        {
            string autoEq = Path.Combine(_dir, "ParametricEQ.txt");
            File.WriteAllText(autoEq, "Preamp: -5.0 dB\nFilter 1: ON PK Fc 3000 Hz Gain -4.0 Db Q 2.0\nFilter 2: ON LSC Fc 90 Hz Gain 5.0 dB Q 0.7\n");
            Assert.Equal(0, Run("eq", "import", autoEq, "--out", Path.Combine(_dir, "hp.eq")).Exit);
            string script = Path.Combine(_dir, "eq.session");
            File.WriteAllText(script, "0s eq load hp.eq slot 2\n0s power computer\n0s playback sine 1000 -12\n0s boot\n3s double monitor\n+1s double monitor\n+1s double monitor\n+1s double monitor\n+1.5s expect open main\n+0ms expect pops 0\n+0ms end\n");

            var result = Run("--board", "portable", "--script", script, "--out", Path.Combine(_dir, "out"));

            Assert.True(result.Exit == 0, result.Error);
            Assert.Contains("eq: user preset file 2: 2 bands, preset 6", result.Output);
            Assert.Contains("main jack EQ preset 6: user 2", result.Output);
            Assert.Contains("[EQ user 2]", result.Output);
        }

        [Fact]
        public void AFileThatIsNotAPresetIsRefusedNamingTheLine()
        {
            string notPreset = Path.Combine(_dir, "hp.eq");
            File.WriteAllText(notPreset, "Filter 1: ON PK Fc 3000 Hz Gain -4.0 dB Q 2.0\n");
            string script = Path.Combine(_dir, "eq.session");
            File.WriteAllText(script, "0s power computer\n0s eq load hp.eq\n0s boot\n1s end\n");

            var result = Run("--board", "portable", "--script", script, "--out", Path.Combine(_dir, "out"));

            Assert.Equal(2, result.Exit);
            Assert.Contains("line 2", result.Error);
            Assert.Contains("is not a device EQ preset", result.Error);
            Assert.DoesNotContain("   at ", result.Error);
            Assert.False(Directory.Exists(Path.Combine(_dir, "out")), "nothing written");

            File.Delete(notPreset);
            result = Run("--board", "portable", "--script", script, "--out", Path.Combine(_dir, "out"));
            Assert.Equal(2, result.Exit);
            Assert.Contains("line 2", result.Error);
        }

        private static (int Exit, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }
    }
}
