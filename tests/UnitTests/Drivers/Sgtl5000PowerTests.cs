using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The SGTL5000 driver's power sequences, monitor, clocks and faults on the portable board:
    /// pop detectors on both jacks, the model's redundant-write counter, its register file.
    /// </summary>
    [TestClass]
    public class Sgtl5000PowerTests
    {
        [TestMethod]
        public static void PowerUpPlayAndPowerDownMakeNoPop()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            Assert.IsTrue(rig.Model.VmidSettled, "VAG is up before the converters");
            Assert.AreEqual(0, rig.Model.Register(Sgtl5000Model.RegAnaCtrl) & Sgtl5000Model.AnaSelectHp);
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            Assert.IsTrue(rig.Codec.MuteSettled(rig.Now));
            AssertLevel(-10, rig.LevelDb(rig.HeadphoneJack, true, 100), 0.1);
            AssertLevel(-10, rig.LevelDb(rig.HeadphoneJack, false, 100), 0.1);

            rig.Codec.SetMuted(true, rig.Now);
            rig.Run(200);
            Assert.IsTrue(rig.LevelDb(rig.HeadphoneJack, true, 50) < -100, "soft mute silences playback");
            Assert.AreEqual(Sgtl5000Model.DacSilentCode, rig.Model.DacRampLevel(true));
            rig.PowerDown();
            Assert.AreEqual(0, rig.Model.Register(Sgtl5000Model.RegAnaPower) & (Sgtl5000Model.PowerVag | Sgtl5000Model.PowerHeadphone));
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
            Assert.AreEqual(0, rig.Model.ProtocolErrors.Count);
        }

        [TestMethod]
        public static void PowerDownWhilePlayingUnmutedMutesFirstWithoutAPop()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            rig.PowerDown();
            rig.Run(1000);
            rig.PowerUp(); // and up again at once: the discharge wait covers the VAG ramp-down
            rig.Run(300);
            rig.PowerDown();
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
        }

        [TestMethod]
        public static void TheLineInBypassReplacesTheDacOnTheHeadphoneAndPowersUpAndDownWithoutAPop()
        {
            var rig = new PortableDriverRig();
            rig.Board.SetInput("line-left", SineSource.AtDbfs(1000, -20));
            rig.Board.SetInput("line-right", SineSource.AtDbfs(1000, -20));
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-600));
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SetLineInBypass(true));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            Assert.AreNotEqual(0, rig.Model.Register(Sgtl5000Model.RegAnaCtrl) & Sgtl5000Model.AnaSelectHp);
            AssertLevel(-26, rig.LevelDb(rig.HeadphoneJack, true, 100), 0.1);
            AssertLevel(-26, rig.LevelDb(rig.HeadphoneJack, false, 100), 0.1);

            rig.Codec.SetMuted(true, rig.Now);
            rig.Run(300);
            Assert.IsTrue(rig.LevelDb(rig.HeadphoneJack, true, 50) < -100, "muted");
            rig.PowerDown();
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
        }

        [TestMethod]
        public static void TheMonitorIsTheDapMixersSecondInputBesidePlayback()
        {
            var rig = new PortableDriverRig();
            Assert.AreEqual(0x0070, rig.Model.Register(Sgtl5000Model.RegSssCtrl) & 0x03F0, "I2S into the DAP, the DAP into the DAC, the ADC on the mixer's input");
            Assert.AreEqual(0x0001, rig.Model.Register(Sgtl5000Model.RegDapControl) & 0x0011, "DAP on, mixer off");

            MonitorGains asked = MonitorGains.Straight(-600);
            asked.Playback = -1000;
            MonitorGains set = rig.Codec.SetMonitor(asked);
            Assert.AreEqual(-600, set.LeftToLeft);
            Assert.AreEqual(-600, set.RightToRight);
            Assert.AreEqual(GainScale.Muted, set.LeftToRight);
            Assert.AreEqual(-1000, set.Playback);
            AssertLevel(-6, Decibels.ToDb(rig.Model.Register(Sgtl5000Model.RegDapMixChan) / 32768.0), 0.01);
            AssertLevel(-10, Decibels.ToDb(rig.Model.Register(Sgtl5000Model.RegDapMainChan) / 32768.0), 0.01);
            Assert.AreEqual(0x0011, rig.Model.Register(Sgtl5000Model.RegDapControl) & 0x0011, "the mixer on");

            set = rig.Codec.SetMonitor(MonitorGains.Off());
            Assert.AreEqual(GainScale.Muted, set.LeftToLeft);
            Assert.AreEqual(0, set.Playback);
            Assert.AreEqual(0x8000, rig.Model.Register(Sgtl5000Model.RegDapMainChan));
            Assert.AreEqual(0, rig.Model.Register(Sgtl5000Model.RegDapMixChan));
            Assert.AreEqual(0x0001, rig.Model.Register(Sgtl5000Model.RegDapControl) & 0x0011, "the mixer off again");
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
        }

        [TestMethod]
        public static void ClocksAreSlaveRatiosOfTheFourRates()
        {
            var rig = new PortableDriverRig();
            int[] rates = { 48000, 44100, 32000, 96000, 48000, 48000 };
            int[] mclks = { 12288000, 11289600, 8192000, 24576000, 18432000, 24576000 };
            int[] expected = { 0x0008, 0x0004, 0x0000, 0x000C, 0x0009, 0x000A };
            for (int i = 0; i < rates.Length; i++)
            {
                Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ConfigureClocks(rates[i], mclks[i]));
                rig.RunUntilIdle(1000);
                Assert.AreEqual(expected[i], rig.Model.Register(Sgtl5000Model.RegClkCtrl), "CHIP_CLK_CTRL for " + rates[i].ToString());
            }

            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(48000, 12000000)); // the PLL is master-only
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(96000, 36864000)); // above 27 MHz
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(22050, 5644800));
            rig.PowerUp();
            Assert.IsNull(rig.Model.ClockProblem);
            Assert.AreEqual(48000.0, rig.Model.DacSampleRate);
            Assert.AreEqual((int)DriverStatus.InvalidState, (int)rig.Codec.ConfigureClocks(44100, 11289600)); // not under live outputs
        }

        [TestMethod]
        public static void StartBringsAWarmChipToKnownValuesWritingOnlyWhatDiffers()
        {
            var rig = new PortableDriverRig();
            rig.PowerUp();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1200));
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            rig.PowerDown();

            // The ESP32 restarts; the codec kept its registers (no reset pin, no soft reset).
            int mark = rig.LogMark;
            var fresh = new Sgtl5000Codec(rig.Board.Bus, rig.Board.Description.CodecAddress, rig.Board.Log);
            int redundantBefore = rig.Board.Bus.RedundantWriteCount;
            Assert.AreEqual((int)DriverStatus.Ok, (int)fresh.Start(rig.Now));
            for (int i = 0; i < Sgtl5000Registers.Relied.Length; i++)
            {
                int register = Sgtl5000Registers.Relied[i];
                Assert.AreEqual(fresh.CachedRegister(register), rig.Model.Register(register), "register 0x" + register.ToString("X4"));
            }

            Assert.AreEqual(0, rig.Model.Register(Sgtl5000Model.RegAnaCtrl) & Sgtl5000Model.AnaSelectHp, "the old monitor setting is gone");
            Assert.AreEqual(0x7F7F, rig.Model.Register(Sgtl5000Model.RegAnaHpCtrl), "the headphone back at its lowest level");
            Assert.AreEqual(redundantBefore, rig.Board.Bus.RedundantWriteCount);
            Assert.IsTrue(rig.CodecWritesSinceMark(mark).Length < Sgtl5000Registers.Relied.Length, "only the registers that differ are written");
        }

        [TestMethod]
        public static void ABrownOutIsDetectedAndTheResyncRestoresTheRegistersAndTheState()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-300));
            rig.Codec.SetDacVolume(StereoGain.Both(-600));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            bool wasReset;
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsFalse(wasReset);

            rig.Model.BrownOut();
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsTrue(wasReset);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Resync(rig.Now, false));
            int ms = rig.RunUntilIdle(5000);
            OutputHelper.WriteLine("re-sync back to On in " + ms.ToString() + " ms");
            rig.Run(300);
            Assert.AreEqual((int)CodecPowerState.On, (int)rig.Codec.PowerState);
            for (int i = 0; i < Sgtl5000Registers.Relied.Length; i++)
            {
                int register = Sgtl5000Registers.Relied[i];
                Assert.AreEqual(rig.Codec.CachedRegister(register), rig.Model.Register(register), "register 0x" + register.ToString("X4"));
            }

            AssertLevel(-19, rig.LevelDb(rig.HeadphoneJack, true, 100), 0.1);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsFalse(wasReset);
        }

        [TestMethod]
        public static void AnAbsentChipIsABusFaultAfterThreeAttempts()
        {
            var board = new VirtualBoard(BoardDescription.Portable(), 5);
            board.Bus.FaultsAt(board.Description.CodecAddress).Absent = true;
            var codec = new Sgtl5000Codec(board.Bus, board.Description.CodecAddress, board.Log);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.Start(board.Clock.NowMs));
            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.Status);
            Assert.IsTrue(codec.FailedTransactions >= RegisterPort.Attempts);
        }

        [TestMethod]
        public static void ANackWindowFaultsTheDriverAndTheResyncRecoversIt()
        {
            var rig = new PortableDriverRig();
            rig.PowerUp();
            I2cFaultPlan faults = rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress);
            faults.NackFromUs = rig.Board.Clock.NowUs;
            faults.NackUntilUs = faults.NackFromUs + 200000;
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-900));
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(20);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)rig.Codec.Status);

            rig.Run(300); // the window closes
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Resync(rig.Now, true));
            rig.RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)rig.Codec.PowerState);
            Assert.AreEqual(Sgtl5000Gains.HeadphoneField(Sgtl5000Gains.Headphone.CodeFor(-900)), rig.Model.Register(Sgtl5000Model.RegAnaHpCtrl) & 0x7F);
            Assert.AreEqual(0, rig.Model.Register(Sgtl5000Model.RegAnaCtrl) & Sgtl5000Model.AnaMuteHp, "un-muted again");
        }
    }
}
