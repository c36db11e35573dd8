using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The per-block power request (<see cref="IAudioCodec.SetBlocksNeeded"/>) on the WM8960 of the
    /// reference board, with playback and the analogue monitor both carrying a 1 kHz tone: the
    /// power-up powers only the blocks asked for, a change while On is pop-free both ways, a
    /// powered-down DAC plays nothing, a powered-down ADC captures nothing.
    /// </summary>
    [TestClass]
    public class CodecBlockTests
    {
        private const int Power1 = 0x19;
        private const int Power2 = 0x1A;

        [TestMethod]
        public static void APowerUpWithoutPlaybackLeavesTheDacsOffAndTheMonitorHeard()
        {
            var rig = Wm8960PowerTests.MonitorRig(-20);
            rig.StartRecording();
            rig.Codec.SetBlocksNeeded(CodecBlocks.Capture, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            Assert.AreEqual(0, rig.Board.Codec.Register(Power2) & Wm8960Registers.Dacs, "R26 DACL/DACR off");
            Assert.AreEqual(Wm8960Registers.Adcs, rig.Board.Codec.Register(Power1) & Wm8960Registers.Adcs, "R25 ADCL/ADCR on");
            Assert.AreEqual((int)CodecBlocks.Capture, (int)rig.Codec.BlocksPowered);
            Assert.IsTrue(rig.Board.Wm8960.DacSoftMuted, "a DAC whose playback is not needed stays soft-muted");
            Assert.IsTrue(rig.Codec.MuteSettled(rig.Now), "un-muted as wished: the outputs open, the DAC muted");
            DriverTestHelpers.AssertLevel(-20, rig.LevelDb(rig.Board.CodecOutput(0), true, 100), 0.2);
            Assert.IsTrue(CapturePeak(rig) > 0.01, "the ADC captures");
            rig.PowerDown();
            rig.Run(500);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void BlocksChangedWhileOnGoDownBehindTheSoftMuteAndComeBackWithoutAPop()
        {
            var rig = Wm8960PowerTests.MonitorRig(-200); // the monitor path open, its inputs silent
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(400);
            DriverTestHelpers.AssertLevel(-10, rig.LevelDb(rig.Board.CodecOutput(0), true, 100), 0.2);

            rig.Codec.SetBlocksNeeded(CodecBlocks.None, rig.Now);
            Assert.IsTrue(rig.Codec.Busy, "the change runs over ticks");
            rig.RunUntilIdle(2000);
            rig.Run(200);
            Assert.AreEqual(0, rig.Board.Codec.Register(Power2) & Wm8960Registers.Dacs);
            Assert.AreEqual(0, rig.Board.Codec.Register(Power1) & Wm8960Registers.Adcs);
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 100) < -100, "a powered-down DAC plays nothing");
            Assert.IsTrue(CapturePeak(rig) == 0, "a powered-down ADC captures nothing");

            rig.Codec.SetBlocksNeeded(CodecBlocks.All, rig.Now);
            rig.RunUntilIdle(2000);
            rig.Run(400);
            Assert.IsFalse(rig.Board.Wm8960.DacSoftMuted, "back up, the DAC ramps out of its mute");
            DriverTestHelpers.AssertLevel(-10, rig.LevelDb(rig.Board.CodecOutput(0), true, 100), 0.2);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AMuteWishedDuringABlocksChangeIsNotLost()
        {
            var rig = Wm8960PowerTests.MonitorRig(-20);
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(400);
            rig.Codec.SetBlocksNeeded(CodecBlocks.Capture, rig.Now);
            rig.Run(20);
            rig.Codec.SetMuted(true, rig.Now); // the blocks sequence runs: the mute follows it
            rig.RunUntilIdle(3000);
            rig.Run(300);
            Assert.IsTrue(rig.Codec.MuteSettled(rig.Now));
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 100) < -90, "muted: the monitor closed too");
            rig.Codec.SetMuted(false, rig.Now);
            rig.RunUntilIdle(3000);
            rig.Run(300);
            DriverTestHelpers.AssertLevel(-20, rig.LevelDb(rig.Board.CodecOutput(0), true, 100), 0.3);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        private static double CapturePeak(ReferenceDriverRig rig)
        {
            double[] capture = rig.Board.Codec.Capture(true);
            double peak = 0;
            for (int i = 0; i < capture.Length; i++)
            {
                double x = capture[i] < 0 ? -capture[i] : capture[i];
                peak = x > peak ? x : peak;
            }

            return peak;
        }
    }
}
