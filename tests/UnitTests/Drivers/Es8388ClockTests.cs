using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.UnitTests.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// ES8388 clocking: no PLL, so fs = MCLK / FsRatio (NuttX table: code 2 = 256); 44.1 and 48 kHz
    /// from the ESP32's 256·fs MCLK, 512·fs through MCLKDIV2, anything else refused; always an I2S
    /// slave (the chip resets as master). Checked on the registers and on the model's view of the
    /// clocks (the frame rate against the master's LRCK, for the DAC and the powered ADC).
    /// </summary>
    [TestClass]
    public class Es8388ClockTests
    {
        [TestMethod]
        public static void StartMakesTheCodecASlave()
        {
            var rig = new AudioKitDriverRig();
            Assert.IsFalse(rig.Board.Es8388.IsMaster, "MSC cleared at start");
            Assert.AreEqual(0x00, rig.Board.Es8388.Register(Es8388Registers.MasterMode));
            Assert.IsTrue(rig.Board.Es8388.ClockProblem.IndexOf("two I2S masters") < 0, rig.Board.Es8388.ClockProblem);
            Assert.IsNotNull(rig.Board.Es8388.ClockProblem, "until the clocks are configured the ratio is the reset 768");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void FortyEightKilohertzFrom256FsIsConsistent()
        {
            var rig = new AudioKitDriverRig();
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ConfigureClocks(48000, 12288000));
            rig.RunUntilIdle(1000);
            Assert.AreEqual(2, rig.CodecWritesSince(mark), "ADCCONTROL5 and DACCONTROL2 (both reset to 768·fs); MASTERMODE stays");
            Assert.AreEqual(0x02, rig.Board.Es8388.Register(Es8388Registers.AdcControl5));
            Assert.AreEqual(0x02, rig.Board.Es8388.Register(Es8388Registers.DacControl2));
            Assert.AreEqual(0x00, rig.Board.Es8388.Register(Es8388Registers.MasterMode));
            Assert.IsNull(rig.Board.Es8388.ClockProblem, rig.Board.Es8388.ClockProblem);

            rig.PowerUp(); // the ADC powered: its ratio is checked against the LRCK too
            AssertConsistent(rig.Board.Es8388, 48000);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void FortyFourPointOneFrom256FsIsConsistentAndPlays()
        {
            var rig = new AudioKitDriverRig();
            rig.SetEspClock(44100);
            rig.PlaySine(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.StartRecording();
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ConfigureClocks(44100, 11289600));
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now));
            rig.RunUntilIdle(5000);
            rig.Run(300);

            AssertConsistent(rig.Board.Es8388, 44100);
            Assert.AreEqual(0x02, rig.Board.Es8388.Register(Es8388Registers.DacControl2));
            AssertLevel(-10, rig.LevelDb(true, 50), 0.05);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ATwelveMegahertzCrystalUsesTheUsbModeRatios()
        {
            // No PLL: 12 MHz / 250 = 48 kHz exactly; 12 MHz / 272 = 44 117.6 Hz against a 44.1 kHz LRCK (0.04 %).
            int[] rates = { 48000, 44100 };
            int[] codes = { 18, 19 };
            for (int i = 0; i < rates.Length; i++)
            {
                var rig = new AudioKitDriverRig();
                rig.Board.Es8388.Clocks.Set(12000000, rates[i]);
                rig.Board.Es8388.OnClocksChanged(rig.Board.Clock.NowUs);
                Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ConfigureClocks(rates[i], 12000000));
                rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
                rig.RunUntilIdle(5000);
                Assert.AreEqual(codes[i], rig.Board.Es8388.Register(Es8388Registers.DacControl2) & 0x1F);
                Assert.AreEqual(codes[i], rig.Board.Es8388.Register(Es8388Registers.AdcControl5) & 0x1F);
                Assert.IsNull(rig.Board.Es8388.ClockProblem, rig.Board.Es8388.ClockProblem);
                Assert.IsTrue(System.Math.Abs(rig.Board.Es8388.DacSampleRate - rates[i]) <= rates[i] * 0.0005, "DAC rate " + rig.Board.Es8388.DacSampleRate.ToString("F1"));
                Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
            }
        }

        [TestMethod]
        public static void FiveHundredTwelveFsIsHalvedByMclkDiv2()
        {
            var rig = new Es8388Rig();
            rig.Codec.Clocks.Set(24576000, 48000);
            rig.Codec.OnClocksChanged(0);
            var codec = new Es8388Codec(rig.Bus, Es8388Codec.DefaultAddress, null);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.Start(rig.Clock.NowMs));
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(48000, 24576000));
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            Assert.AreEqual(Es8388Registers.MclkDivideBy2, rig.Codec.Register(Es8388Registers.MasterMode), "slave, MCLK / 2");
            Assert.AreEqual(0x02, rig.Codec.Register(Es8388Registers.DacControl2));
            Assert.IsTrue(codec.Clocks.MclkDivideBy2);
            Assert.IsNull(rig.Codec.ClockProblem, rig.Codec.ClockProblem);
            Assert.IsTrue(System.Math.Abs(rig.Codec.InternalMclkHz - 12288000) < 1);
            Assert.IsTrue(System.Math.Abs(rig.Codec.DacSampleRate - 48000) < 0.01);
            Assert.AreEqual(0, rig.Codec.RedundantWrites);
        }

        [TestMethod]
        public static void ClocksWithoutA256Or512RatioAreRefusedWithoutAWrite()
        {
            var rig = new AudioKitDriverRig();
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(32000, 12000000), "no USB-mode ratio for 32 kHz");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(44100, 11000000), "no PLL: MCLK must be a ratio multiple");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(48000, 18432000), "384·fs is not taken");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(96000, 24576000), "double speed is not used");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(48000, 0));
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.ConfigureClocks(47000, 12288000));
            rig.Run(50);
            Assert.AreEqual(0, rig.CodecWritesSince(mark));
            Assert.IsFalse(rig.Codec.Busy);
            Assert.IsFalse(rig.Codec.Capabilities.HasPll);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ClocksAndFormatDoNotChangeUnderLiveOutputs()
        {
            var rig = new AudioKitDriverRig();
            rig.PowerUp();
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.InvalidState, (int)rig.Codec.ConfigureClocks(44100, 11289600));
            Assert.AreEqual((int)DriverStatus.InvalidState, (int)rig.Codec.SetFormat(16, InterfaceFormat.I2s));
            rig.Run(50);
            Assert.AreEqual(0, rig.CodecWritesSince(mark));
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void TheFormatGoesToTheAdcAndTheDac()
        {
            var rig = new AudioKitDriverRig();
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SetFormat(16, InterfaceFormat.I2s));
            Assert.AreEqual(0x0C, rig.Board.Es8388.Register(Es8388Registers.AdcControl4), "ADCWL 011 = 16 bit, I2S");
            Assert.AreEqual(0x18, rig.Board.Es8388.Register(Es8388Registers.DacControl1), "DACWL 011 = 16 bit, I2S (esp_codec_dev's 0x18)");
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SetFormat(32, InterfaceFormat.LeftJustified));
            Assert.AreEqual(0x11, rig.Board.Es8388.Register(Es8388Registers.AdcControl4));
            Assert.AreEqual(0x22, rig.Board.Es8388.Register(Es8388Registers.DacControl1));
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.SetFormat(12, InterfaceFormat.I2s));
            Assert.AreEqual(0, rig.CodecWritesSince(mark));
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ARateChangeThroughStandbyIsCleanAndConsistent()
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-600));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);

            // The rate changes to 44.1 kHz: outputs down to standby, the ESP32's clocks, the codec's, back on.
            rig.Codec.RequestPowerState(CodecPowerState.Standby, rig.Now);
            rig.RunUntilIdle(2000);
            rig.SetEspClock(44100);
            rig.Run(20);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ConfigureClocks(44100, 11289600));
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            int ms = rig.RunUntilIdle(2000);
            rig.StartRecording();
            rig.Run(300);
            OutputHelper.WriteLine("Standby → On at the new rate: " + ms.ToString() + " ms");

            AssertConsistent(rig.Board.Es8388, 44100);
            Assert.AreEqual(0, rig.Board.Es8388.ClockEvents.Count, "no clock change under live outputs");
            AssertLevel(-16, rig.LevelDb(true, 50), 0.05);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ThePlanTakes256And512TimesTheRateAndTheTwelveMegahertzRatios()
        {
            var plan = new Es8388ClockPlan();
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(48000, 12288000));
            Assert.AreEqual(2, plan.RatioCode);
            Assert.IsFalse(plan.MclkDivideBy2);
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(44100, 22579200));
            Assert.IsTrue(plan.MclkDivideBy2);
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(8000, 2048000));
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(48000, 12000000));
            Assert.AreEqual(18, plan.RatioCode, "USB mode: 12 MHz / 250");
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(44100, 12000000));
            Assert.AreEqual(19, plan.RatioCode, "USB mode: 12 MHz / 272 = 44 117.6 Hz");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)plan.Compute(32000, 12000000));
            Assert.AreEqual(44100, plan.SampleRate, "a refused plan changes nothing");
        }

        // ---- helpers ---------------------------------------------------------------------------

        private static void AssertConsistent(Es8388Model model, int rate)
        {
            Assert.IsNull(model.ClockProblem, model.ClockProblem);
            Assert.IsTrue(model.AdcPowered, "the ADC is checked too");
            Assert.IsTrue(System.Math.Abs(model.DacSampleRate - rate) < 0.01, "DAC rate " + model.DacSampleRate.ToString("F3"));
            Assert.IsTrue(System.Math.Abs(model.AdcSampleRate - rate) < 0.01, "ADC rate " + model.AdcSampleRate.ToString("F3"));
        }
    }
}
