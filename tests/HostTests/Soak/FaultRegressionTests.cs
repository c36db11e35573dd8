using System.Linq;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;
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
    }
}
