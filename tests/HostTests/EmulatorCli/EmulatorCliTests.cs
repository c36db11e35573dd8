using System;
using System.IO;
using InterfaceFirmware.EmulatorCli;
using Xunit;

namespace InterfaceFirmware.HostTests.EmulatorCli
{
    /// <summary>The README's first command: the scripted session runs clean and writes a playable WAV and a trace.</summary>
    public sealed class EmulatorCliTests
    {
        [Theory]
        [InlineData("audiokit", "ESP32-A1S Audio Kit")]
        [InlineData("lyrat", "ESP32-LyraT")]
        public void TheEs8388BoardSessionsRunWithoutAPop(string board, string named)
        {
            string wav = Path.Combine(Path.GetTempPath(), "interface-emulator-" + Guid.NewGuid().ToString("N") + ".wav");
            try
            {
                var output = new StringWriter();
                int exit = Program.Run(new[] { "--board", board, "--wav", wav }, output);
                Assert.Equal(0, exit);
                Assert.Contains(named, output.ToString());
                Assert.Contains("codec: ES8388 is on", output.ToString());
                Assert.Contains("pops heard: 0", output.ToString());
                Assert.True(new FileInfo(wav).Length > 44 + 6 * 48000 * 5);
            }
            finally
            {
                File.Delete(wav);
            }
        }

        [Fact]
        public void AnUnknownBoardIsRefused()
        {
            var output = new StringWriter();
            Assert.NotEqual(0, Program.Run(new[] { "--board", "lyrat-mini" }, output));
        }

        [Fact]
        public void TheScriptedSessionRunsWithoutAPopAndWritesItsFiles()
        {
            string dir = Path.Combine(Path.GetTempPath(), "interface-emulator-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string wav = Path.Combine(dir, "out.wav");
                string trace = Path.Combine(dir, "trace.csv");
                var output = new StringWriter();
                int exit = Program.Run(new[] { "--wav", wav, "--trace", trace }, output);

                Assert.Equal(0, exit);
                Assert.Contains("pops heard: 0", output.ToString());
                Assert.Contains("codec: WM8960 is on", output.ToString());
                Assert.Contains("0 redundant", output.ToString());

                byte[] bytes = File.ReadAllBytes(wav);
                Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
                Assert.Equal(48000, BitConverter.ToInt32(bytes, 24));
                Assert.Equal(24, BitConverter.ToInt16(bytes, 34));
                int dataBytes = BitConverter.ToInt32(bytes, 40);
                Assert.Equal(bytes.Length - 44, dataBytes);
                Assert.True(dataBytes / 6 > 48000 * 5, "more than five seconds of stereo audio");

                string[] lines = File.ReadAllLines(trace);
                Assert.Equal("time_ms,device,address,op,data,status", lines[0]);
                Assert.True(lines.Length > 100);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
