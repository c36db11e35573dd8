using System.Linq;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using Xunit;
using Xunit.Abstractions;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>The root causes the long soak found in the fault handling, each reproduced on its own.</summary>
    public class FaultRegressionTests
    {
        private readonly ITestOutputHelper _output;

        public FaultRegressionTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>
        /// Seed 12 of the long soak: codec A was being taken charge of again (it had stopped
        /// answering) when the computer changed the rate. The clock change powered it on with the
        /// others before its recovery had configured its clocks; the recovery's ConfigureClocks then
        /// found it On and was refused, and it stayed at SYSCLK = MCLK (8.192 MHz at 32 kHz): its DAC
        /// and ADC wrong, the capture digitally silent, taken for a brown-out, both codecs re-synced.
        /// Whenever the rate changes around the recovery, codec A must end up clocked right.
        /// </summary>
        [Fact]
        public void ACodecRecoveringWhileTheComputerChangesTheRateIsClockedForTheNewRate()
        {
            for (int delayMs = 0; delayMs <= 1500; delayMs += 150)
            {
                var board = new VirtualBoard(SoakRig.Description("reference"), 5);
                board.Audio.Rendering = false;
                board.ConnectComputer();
                board.PlugHeadphones(true);
                var device = SoakRig.NewDevice(board, BoardProfiles.Reference(), board.Settings);
                device.Start();
                board.RunMs(6000);
                Assert.True(device.Output(0).AtTargets(device.Targets(0)), "main jack up");

                var faults = board.Bus.FaultsAt(0x1A);
                faults.Absent = true;
                device.Apply(UserAction.VolumeDown, board.Clock.NowMs); // the write that finds it gone
                board.RunMs(300);
                faults.Absent = false;
                board.RunMs(delayMs);
                board.Usb.SetSampleRate(32000);
                board.RunMs(12000);
                board.Audio.Rendering = true; // the codecs see their clocks as rendering does
                board.RunMs(50);

                Wm8960Model codecA = (Wm8960Model)board.Codecs[0];
                string log = string.Join("\n", board.Log.Entries.Cast<LogEntry>().Select(e => e.ToString()));
                string problem = codecA.ClockProblem;
                _output.WriteLine(delayMs + " ms: DAC fs " + codecA.DacSampleRate + ", clock problem '" + problem + "'");
                Assert.True(string.IsNullOrEmpty(problem) && codecA.DacSampleRate == 32000, "rate change " + delayMs + " ms after codec A answered again: "
                    + "DAC fs " + codecA.DacSampleRate + ", " + problem + "\n" + log);
                Assert.True(device.Output(0).AtTargets(device.Targets(0)) && !device.State.Fault, "main jack back at " + delayMs + " ms\n" + log);
                Assert.DoesNotContain("digitally silent", log);
            }
        }
    
        /// <summary>
        /// Seeds 14 and 16 of the long soak: the amplifier did not answer at power-up. Its boot check
        /// failed, so it was never taken charge of; the retries' re-sync was refused by its driver
        /// (not started), and the main jack stayed silent, a fault shown, until the next power-up.
        /// Whether it comes back 0.2 s or 3 s after the power-up, the main jack must be back.
        /// </summary>
        [Fact]
        public void AnAmplifierThatDidNotAnswerAtPowerUpIsTakenChargeOfOnceItAnswers()
        {
            foreach (int absentMs in new[] { 200, 3000 })
            {
                var board = new VirtualBoard(SoakRig.Description("reference"), 9);
                board.Audio.Rendering = false;
                board.ConnectCharger();
                board.PlugHeadphones(true);
                var faults = board.Bus.FaultsAt(0x60);
                faults.Absent = true;
                var device = SoakRig.NewDevice(board, BoardProfiles.Reference(), board.Settings);
                device.Start();
                board.RunMs(absentMs);
                faults.Absent = false;
                board.RunMs(SoakSession.NackRecoveryMs + 2000);

                string log = string.Join("\n", board.Log.Entries.Cast<LogEntry>().Select(e => e.ToString()));
                Assert.True(device.Output(0).AtTargets(device.Targets(0)) && !device.State.Fault, "absent " + absentMs + " ms: main jack not back\n" + log);
                Assert.True(board.Amplifier.OutputActive(true) && board.Amplifier.OutputActive(false), "amplifier not driving the jack\n" + log);
                int volumeCode = board.Amplifier.Register(2) & 0x3F;
                _output.WriteLine(absentMs + " ms: amplifier volume code " + volumeCode + ", main jack at targets");
            }
        }

        /// <summary>
        /// Seed 14 of the long soak: the second jack's level moved from its DAC to its headphone
        /// volume (mono monitor, the inputs' gain above what the cross path gives: the planner
        /// raises the headphone volume and takes playback back off at the DAC): the headphone
        /// volume rose at 2 dB a tick while the DAC fell at 0.5 dB, and on the way the jack was
        /// 2.2 dB above the user level. Codec B's registers (headphone volume R2, DAC volume R10)
        /// must never sum above both the level before a change and the level after it.
        /// </summary>
        [Fact]
        public void ALevelMovingBetweenStagesIsNeverLouderOnTheWay()
        {
            var board = new VirtualBoard(SoakRig.Description("reference"), 11);
            board.Audio.Rendering = false;
            board.ConnectCharger();
            var device = SoakRig.NewDevice(board, BoardProfiles.Reference(), board.Settings);
            device.Start();
            board.RunMs(6000);
            device.Settings.Monitor = MonitorMode.Mono;
            device.Apply(UserAction.SelectNextJack, board.Clock.NowMs);
            for (int i = 0; i < 8; i++)
            {
                device.Apply(UserAction.VolumeDown, board.Clock.NowMs);
            }

            board.RunMs(3000);
            // blend steps, then the input gain (the key focus on the inputs, three steps at once) up and down
            // the inputs' gain above what the cross path can give: the planner raises the headphone
            // volume and the DAC takes it back off playback; then down again, up by steps, ...
            int[] inputGains = { 3000, 1200, 4000, 2000, 4700, 0, 4700, 1200 };
            double worst = double.NegativeInfinity;
            foreach (int gain in inputGains)
            {
                double before = SecondJackRegisterDb(board);
                device.Settings.InputGainCentiDb[0] = gain;
                device.Settings.InputGainCentiDb[1] = gain;
                string action = "input gain " + gain;
                var sums = new System.Collections.Generic.List<double>();
                for (int tick = 0; tick < 400; tick++)
                {
                    board.RunMs(InterfaceDevice.TickMs);
                    sums.Add(SecondJackRegisterDb(board));
                }

                double after = sums[sums.Count - 1];
                double over = sums.Max() - System.Math.Max(before, after);
                worst = System.Math.Max(worst, over);
                _output.WriteLine(action + ": " + before.ToString("F1") + " -> " + after.ToString("F1") + " dB, on the way up to " + sums.Max().ToString("F1"));
                Assert.True(device.Output(1).AtTargets(device.Targets(1)), action + ": the second jack did not reach its targets");
                Assert.True(over <= 0.25, action + ": from " + before.ToString("F1") + " to " + after.ToString("F1") + " dB, but " + sums.Max().ToString("F1") + " dB on the way");
            }

            Assert.True(worst > double.NegativeInfinity);
        }

        // Codec B's headphone volume (R2: 0x79 = 0 dB, 1 dB steps) plus its DAC volume (R10: 0xFF = 0 dB, 0.5 dB steps).
        private static double SecondJackRegisterDb(VirtualBoard board)
        {
            var codec = (Wm8960Model)board.Codecs[1];
            int hp = codec.Register(2) & 0x7F;
            int dac = codec.Register(10) & 0xFF;
            return (hp - 0x79) + (dac - 0xFF) * 0.5;
        }
    }
}
