using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.UnitTests.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// WM8960 clocking: 44.1 and 48 kHz from a 256·fs MCLK directly and from a 12 MHz crystal
    /// through the PLL, checked on the register values (the datasheet and Linux figures) and on
    /// the model's view of the clocks (SYSCLK, the frame rate against the master's LRCLK, PLL lock).
    /// </summary>
    [TestClass]
    public class Wm8960ClockTests
    {
        [TestMethod]
        public static void FortyEightKilohertzFrom256FsIsDirect()
        {
            Wm8960Rig rig = ClockedRig(12288000, 48000, out Wm8960Codec codec);
            int writesBefore = rig.Codec.WriteCount;
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(48000, 12288000));
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            Assert.AreEqual(0x000, rig.Codec.Register(Wm8960Registers.Clocking1), "MCLK is SYSCLK, DACDIV = ADCDIV = 1");
            Assert.AreEqual(0, rig.Codec.Register(Wm8960Registers.Power2) & Wm8960Registers.PllEnable);
            Assert.AreEqual(writesBefore, rig.Codec.WriteCount, "all of it is the reset state: nothing to write");
            AssertConsistent(rig, 12288000, 48000);
        }

        [TestMethod]
        public static void FortyFourPointOneFrom256FsIsDirect()
        {
            Wm8960Rig rig = ClockedRig(11289600, 44100, out Wm8960Codec codec);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(44100, 11289600));
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            Assert.AreEqual(0x000, rig.Codec.Register(Wm8960Registers.Clocking1));
            AssertConsistent(rig, 11289600, 44100);
        }

        [TestMethod]
        public static void TwiceSysclkIsHalvedWithoutThePll()
        {
            Wm8960Rig rig = ClockedRig(24576000, 48000, out Wm8960Codec codec);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(48000, 24576000));
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            Assert.AreEqual(0x004, rig.Codec.Register(Wm8960Registers.Clocking1), "SYSCLKDIV = 2");
            AssertConsistent(rig, 12288000, 48000);
        }

        [TestMethod]
        public static void FortyEightKilohertzFromTwelveMegahertzUsesThePll()
        {
            Wm8960Rig rig = ClockedRig(12000000, 48000, out Wm8960Codec codec);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(48000, 12000000));
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            // f2 = 4 · 2 · 12.288 MHz = 98.304 MHz = 8.192 · 12 MHz: N = 8, K = 0x3126E9 (the reset values), SDM on
            Assert.AreEqual(0x028, rig.Codec.Register(Wm8960Registers.Pll1));
            Assert.AreEqual(0x31, rig.Codec.Register(Wm8960Registers.Pll2));
            Assert.AreEqual(0x26, rig.Codec.Register(Wm8960Registers.Pll3));
            Assert.AreEqual(0xE9, rig.Codec.Register(Wm8960Registers.Pll4));
            Assert.AreEqual(0x005, rig.Codec.Register(Wm8960Registers.Clocking1), "SYSCLK = PLL / 2");
            Assert.IsTrue(rig.Codec.PllLocked);
            AssertConsistent(rig, 12288000, 48000);
        }

        [TestMethod]
        public static void FortyFourPointOneFromTwelveMegahertzUsesThePll()
        {
            Wm8960Rig rig = ClockedRig(12000000, 44100, out Wm8960Codec codec);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(44100, 12000000));
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            // f2 = 90.3168 MHz = 7.5264 · 12 MHz: N = 7, K = 0.5264 · 2^24 = 8831526.50, rounded as
            // Linux does to 0x86C227 (the Wolfson tables truncate to 0x86C226: 1 LSB, 6·10^-8 of the rate)
            Assert.AreEqual(0x027, rig.Codec.Register(Wm8960Registers.Pll1));
            Assert.AreEqual(0x86, rig.Codec.Register(Wm8960Registers.Pll2));
            Assert.AreEqual(0xC2, rig.Codec.Register(Wm8960Registers.Pll3));
            Assert.AreEqual(0x27, rig.Codec.Register(Wm8960Registers.Pll4));
            Assert.AreEqual(0x005, rig.Codec.Register(Wm8960Registers.Clocking1));
            AssertConsistent(rig, 11289600, 44100);
        }

        [TestMethod]
        public static void ThePllIsSelectedOnlyAfterItHadTimeToLock()
        {
            Wm8960Rig rig = ClockedRig(12000000, 48000, out Wm8960Codec codec);
            rig.Bus.LogEnabled = true;
            codec.ConfigureClocks(48000, 12000000);
            RunUntilIdle(codec, rig.Clock, rig.RenderMs);

            long enabledUs = -1;
            long selectedUs = -1;
            foreach (I2cTransaction t in rig.Bus.Log)
            {
                int register = t.Written[0] >> 1;
                int value = ((t.Written[0] & 1) << 8) | t.Written[1];
                if (register == Wm8960Registers.Power2 && (value & Wm8960Registers.PllEnable) != 0 && enabledUs < 0)
                {
                    enabledUs = t.TimeUs;
                }

                if (register == Wm8960Registers.Clocking1 && (value & Wm8960Registers.ClockSelectPll) != 0)
                {
                    selectedUs = t.TimeUs;
                }
            }

            Assert.IsTrue(enabledUs >= 0 && selectedUs > enabledUs);
            Assert.IsTrue(selectedUs - enabledUs >= Wm8960Sequences.PllLockMs * 1000L, "Linux waits 250 ms for lock");
        }

        [TestMethod]
        public static void OtherRatesUseTheDividers()
        {
            // DACDIV/ADCDIV: /1.5 for 32 kHz, /2 for 24 kHz, /4 for 11.025 kHz, /6 for 8 kHz
            int[] rates = { 32000, 24000, 16000, 11025, 8000, 22050 };
            int[] mclks = { 12288000, 12288000, 12288000, 11289600, 12288000, 11289600 };
            int[] codes = { 1, 2, 3, 4, 6, 2 };
            for (int i = 0; i < rates.Length; i++)
            {
                Wm8960Rig rig = ClockedRig(mclks[i], rates[i], out Wm8960Codec codec);
                Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(rates[i], mclks[i]));
                RunUntilIdle(codec, rig.Clock, rig.RenderMs);
                Assert.AreEqual((codes[i] << 6) | (codes[i] << 3), rig.Codec.Register(Wm8960Registers.Clocking1));
                AssertConsistent(rig, mclks[i], rates[i]);
            }
        }

        [TestMethod]
        public static void ImpossibleClocksAreRefusedWithoutAWrite()
        {
            Wm8960Rig rig = ClockedRig(12288000, 48000, out Wm8960Codec codec);
            int writes = rig.Codec.WriteCount;
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)codec.ConfigureClocks(96000, 24576000), "the WM8960 stops at 48 kHz");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)codec.ConfigureClocks(48000, 5000000), "N would be 19");
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)codec.ConfigureClocks(48000, 0));
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)codec.ConfigureClocks(47000, 12288000));
            Assert.AreEqual(writes, rig.Codec.WriteCount);
            Assert.IsFalse(codec.Busy);
        }

        [TestMethod]
        public static void ClocksDoNotChangeUnderLiveOutputs()
        {
            var rig = new ReferenceDriverRig();
            rig.PowerUp();
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.InvalidState, (int)rig.Codec.ConfigureClocks(44100, 11289600));
            Assert.AreEqual((int)DriverStatus.InvalidState, (int)rig.Codec.SetFormat(16, InterfaceFormat.I2s));
            rig.Run(50);
            Assert.AreEqual(0, rig.CodecWritesSince(mark));
        }

        [TestMethod]
        public static void ARateChangeThroughStandbyIsCleanAndConsistent()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-6 * 100));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);

            // The computer switches to 44.1 kHz: outputs down to standby, clocks, back on.
            rig.Codec.RequestPowerState(CodecPowerState.Standby, rig.Now);
            rig.RunUntilIdle(2000);
            rig.Board.Usb.StartPlayback(44100, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            rig.Run(20);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ConfigureClocks(44100, 11289600));
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            rig.RunUntilIdle(2000);
            rig.Run(300);

            Assert.IsNull(rig.Board.Wm8960.ClockProblem);
            Assert.AreEqual(44100, (int)(rig.Board.Wm8960.DacSampleRate + 0.5));
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ThePlanMatchesTheLinuxFactors()
        {
            var plan = new Wm8960ClockPlan();
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(48000, 12000000));
            Assert.IsTrue(plan.UsePll);
            Assert.AreEqual(8, plan.PllN);
            Assert.AreEqual(0x3126E9, plan.PllK);
            Assert.IsFalse(plan.PllPrescale);

            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(44100, 24000000));
            Assert.AreEqual(7, plan.PllN);
            Assert.AreEqual(0x86C227, plan.PllK);
            Assert.IsTrue(plan.PllPrescale, "24 MHz gives N = 3.76: the prescaler halves MCLK");

            // 19.2 MHz: 98.304 / 19.2 = 5.12 < 6 → prescaled: 98.304 / 9.6 = 10.24, K = 0.24 · 2^24 rounded
            Assert.AreEqual((int)DriverStatus.Ok, (int)plan.Compute(48000, 19200000));
            Assert.IsTrue(plan.PllPrescale);
            Assert.AreEqual(10, plan.PllN);
            Assert.AreEqual(0x3D70A4, plan.PllK);
        }

        // ---- helpers ---------------------------------------------------------------------------

        private static Wm8960Rig ClockedRig(int mclkHz, int lrclkHz, out Wm8960Codec codec)
        {
            var rig = new Wm8960Rig();
            rig.Codec.Clocks.Set(mclkHz, lrclkHz);
            rig.Codec.OnClocksChanged(0);
            codec = new Wm8960Codec(rig.Bus, Wm8960Codec.DefaultAddress, null);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.Start(rig.Clock.NowMs));
            return rig;
        }

        private static void AssertConsistent(Wm8960Rig rig, int sysclkHz, int rate)
        {
            Assert.IsNull(rig.Codec.ClockProblem);
            Assert.IsTrue(System.Math.Abs(rig.Codec.SysclkHz - sysclkHz) < 1.0, "SYSCLK " + rig.Codec.SysclkHz.ToString("F1"));
            Assert.IsTrue(System.Math.Abs(rig.Codec.DacSampleRate - rate) < 0.01, "DAC rate " + rig.Codec.DacSampleRate.ToString("F3"));
            Assert.IsTrue(System.Math.Abs(rig.Codec.AdcSampleRate - rate) < 0.01, "ADC rate " + rig.Codec.AdcSampleRate.ToString("F3"));
        }
    }
}
