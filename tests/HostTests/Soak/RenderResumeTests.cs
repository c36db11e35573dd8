using System;
using System.Linq;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Boards;
using Xunit;
using Xunit.Abstractions;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>
    /// The soak renders audio in some episodes only (Audio.Rendering off in between). The emulator
    /// tracks VMID and the coupling capacitors per rendered sample, so they used to resume stale:
    /// a fresh board's second jack rose by 0.057 FS and decayed over 0.6 s when rendering resumed
    /// seconds after the codecs came up, which the soak took for the firmware's clicks and for a
    /// jack 21.8 dB above its level (seeds 12, 14 and 6 of the long soak). Rendering now resumes
    /// from the steady state of the registers the chips hold.
    /// </summary>
    public class RenderResumeTests
    {
        private readonly ITestOutputHelper _output;

        public RenderResumeTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void RenderingThatResumesOnALiveBoardStartsSettled()
        {
            var board = new VirtualBoard(SoakRig.Description("reference"), 3);
            board.ConnectCharger();
            board.PlugHeadphones(true);
            board.Audio.Rendering = false;
            var device = SoakRig.NewDevice(board, BoardProfiles.Reference(), board.Settings);
            device.Start();
            board.RunMs(6000); // up, both jacks open, nothing rendered

            board.Audio.Rendering = true;
            board.MainJack.Record(true);
            board.SecondJack.Record(true);
            long from = board.Audio.NextSample;
            board.RunMs(400);

            foreach (HeadphoneOutput jack in new[] { board.MainJack, board.SecondJack })
            {
                SignalRecorder recorder = jack.Recorder(true);
                double sum = 0;
                for (long n = from; n < board.Audio.NextSample; n++)
                {
                    sum += recorder.At(n);
                }

                double mean = sum / (board.Audio.NextSample - from);
                _output.WriteLine(jack.Name + ": mean " + mean.ToString("F5"));
                Assert.True(Math.Abs(mean) < 0.001, jack.Name + " jack carries a bias transient after rendering resumed: mean " + mean.ToString("F5"));
            }

            string pops = string.Join("\n", board.PopEvents.Cast<PopEvent>().Where(e => !e.Output.StartsWith("codec-")));
            Assert.True(pops.Length == 0, "pops after rendering resumed:\n" + pops);
        }
    }
}
