using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// Every WM8960 gain stage: each dB request lands on the datasheet's register code (on the bus
    /// and in the model's applied value), latched pairs change together, and the rendered level
    /// agrees with the request within half a step. Expected codes are worked out here from the
    /// datasheet formulas, not from the driver's tables.
    /// </summary>
    [TestClass]
    public class Wm8960GainTests
    {
        private const int Vu = Wm8960Registers.VolumeUpdate;

        [TestMethod]
        public static void HeadphoneVolumeLandsOnTheDatasheetCodeAndLevel()
        {
            ReferenceDriverRig rig = PlayingRig(-10);
            // request (0.01 dB) → expected dB: 1 dB steps, 0x79 = 0 dB, range −73…+6
            int[] requests = { 0, 600, -100, -1040, -1050, -4560, -7300, -9000, 1200 };
            int[] expected = { 0, 6, -1, -10, -11, -46, -73, -73, 6 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetHeadphoneVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(expected[i] * 100, set.Left);
                Assert.AreEqual(expected[i] * 100, set.Right);
                int code = 0x79 + expected[i];
                AssertLatchedPair(rig.CodecWritesSinceMark(mark), Wm8960Registers.LeftHeadphoneVolume, Wm8960Registers.RightHeadphoneVolume);
                AssertStored(rig, Wm8960Registers.LeftHeadphoneVolume, 0x7F, code);
                AssertStored(rig, Wm8960Registers.RightHeadphoneVolume, 0x7F, code);

                rig.Run(60);
                Assert.AreEqual(code, rig.Board.Wm8960.AppliedHeadphoneCode(true));
                Assert.AreEqual(code, rig.Board.Wm8960.AppliedHeadphoneCode(false));
                AssertWithinHalfStep(-10 + ClampDb(requests[i], -7300, 600), rig.LevelDb(rig.Board.CodecOutput(0), true, 40), 100);
                AssertWithinHalfStep(-10 + ClampDb(requests[i], -7300, 600), rig.LevelDb(rig.Board.CodecOutput(0), false, 40), 100);
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void HeadphoneMuteSilencesTheOutput()
        {
            ReferenceDriverRig rig = PlayingRig(-10);
            StereoGain set = rig.Codec.SetHeadphoneVolume(StereoGain.Both(GainScale.Muted));
            Assert.AreEqual(GainScale.Muted, set.Left);
            rig.Run(100);
            Assert.AreEqual(0, rig.Board.Wm8960.AppliedHeadphoneCode(true) & 0x7F, "code 0 (≤ 0x2F) is the analogue mute");
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 40) < -120);
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), false, 40) < -120);
        }

        [TestMethod]
        public static void AMuteUnderAnOpenMonitorStepsOneDbAtATimeNearItsOpenLevel()
        {
            // The monitor path is analogue: only the headphone stage mutes it, a ramp of zero-cross
            // steps; the first 9 dB below the open level (0 dB here) are 1 dB (a loud output's 3 dB
            // step thumps), the rest 3 dB.
            ReferenceDriverRig rig = PlayingRig(-10);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -10));
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            rig.Run(50);
            int mark = rig.LogMark;
            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(2000);

            int[] writes = rig.CodecWritesSinceMark(mark);
            int previous = 0x79;
            int steps = 0;
            for (int i = 0; i < writes.Length; i++)
            {
                if (writes[i] / 0x1000 != Wm8960Registers.RightHeadphoneVolume)
                {
                    continue;
                }

                int code = writes[i] & 0x7F;
                int expected = previous > 0x79 - Wm8960Profile.HeadphoneFineSpan ? previous - 1 : previous - Wm8960Profile.HeadphoneRampStepDb;
                expected = previous == 0x30 ? Wm8960Gains.Headphone.MuteCode : (expected < 0x30 ? 0x30 : expected); // the lowest level, then mute
                Assert.AreEqual(expected, code, "step " + steps + " from 0x" + previous.ToString("X2"));
                previous = code;
                steps++;
            }

            Assert.AreEqual(Wm8960Gains.Headphone.MuteCode, previous, "ends closed");
            Assert.AreEqual(9 + (0x70 - 0x30 + 2) / 3 + 1, steps, "9 fine steps, 22 coarse to the lowest level, the mute");
        }

        [TestMethod]
        public static void AMuteFromNearTheLowestLevelUnderAnOpenMonitorReachesTheMute()
        {
            // open at −70 dB: the whole ramp lies in the 1 dB steps near the open level, down to
            // the lowest level (−73 dB, 0x30) and then the mute code (a mute one step below it)
            ReferenceDriverRig rig = PlayingRig(-10);
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-7000));
            rig.Run(50);
            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(2000);
            Assert.IsFalse(rig.Codec.Busy, "the mute's sequence ended");
            Assert.AreEqual(Wm8960Gains.Headphone.MuteCode, rig.Board.Wm8960.AppliedHeadphoneCode(true) & 0x7F);
            Assert.AreEqual(Wm8960Gains.Headphone.MuteCode, rig.Board.Wm8960.AppliedHeadphoneCode(false) & 0x7F);
        }

        [TestMethod]
        public static void AHeadphoneStepCostsAtMostTwoWrites()
        {
            ReferenceDriverRig rig = PlayingRig(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-2000));
            rig.Run(20);

            int mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1900));
            Assert.AreEqual(2, rig.CodecWritesSince(mark), "both channels: left stored, right with the latch");

            mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1800, -1900));
            Assert.AreEqual(1, rig.CodecWritesSince(mark), "one channel: that register with the latch");

            mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1800, -1900));
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1820, -1870)); // the same steps
            Assert.AreEqual(0, rig.CodecWritesSince(mark), "no change, no write");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void APairChangesTogetherOnlyWhenTheLatchIsWritten()
        {
            // Silence: with zero-cross on, both channels wait for the timeout and land together.
            var rig = new ReferenceDriverRig();
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-3000));
            rig.Run(200);
            Assert.AreEqual(0x79 - 30, rig.Board.Wm8960.AppliedHeadphoneCode(true));

            int mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(new StereoGain(-2000, -2500));
            int[] writes = rig.CodecWritesSinceMark(mark);
            Assert.AreEqual(2, writes.Length);
            Assert.AreEqual(Wm8960Registers.LeftHeadphoneVolume, writes[0] / 0x1000);
            Assert.AreEqual(0, writes[0] & Vu, "left is stored in the latch");
            Assert.AreEqual(Wm8960Registers.RightHeadphoneVolume, writes[1] / 0x1000);
            Assert.AreEqual(Vu, writes[1] & Vu, "right carries the update bit for both");
            Assert.IsTrue(rig.Board.Wm8960.HeadphonePending(true) && rig.Board.Wm8960.HeadphonePending(false), "both pending together");

            rig.Run(200); // the zero-cross timeout (43–85 ms) lands both
            Assert.AreEqual(0x79 - 20, rig.Board.Wm8960.AppliedHeadphoneCode(true));
            Assert.AreEqual(0x79 - 25, rig.Board.Wm8960.AppliedHeadphoneCode(false));
        }

        [TestMethod]
        public static void DacVolumeLandsOnTheDatasheetCodeAndLevel()
        {
            ReferenceDriverRig rig = PlayingRig(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Run(60);
            // 0.5 dB steps, 0xFF = 0 dB, 1 = −127 dB, 0 = mute
            int[] requests = { 0, -50, -1000, -3330, -3325, -6000, 500, -13000 };
            int[] expectedHalfDb = { 0, -1, -20, -67, -67, -120, 0, -254 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetDacVolume(new StereoGain(requests[i], requests[i]));
                Assert.AreEqual(expectedHalfDb[i] * 50, set.Left);
                int code = 0xFF + expectedHalfDb[i];
                AssertLatchedPair(rig.CodecWritesSinceMark(mark), Wm8960Registers.LeftDacVolume, Wm8960Registers.RightDacVolume);
                AssertStored(rig, Wm8960Registers.LeftDacVolume, 0xFF, code);
                AssertStored(rig, Wm8960Registers.RightDacVolume, 0xFF, code);
                rig.Run(200); // the DAC moves to a new volume on its soft ramp (up to 170 ms)
                Assert.AreEqual(code, rig.Board.Wm8960.AppliedDacCode(true));
                Assert.AreEqual(code, rig.Board.Wm8960.AppliedDacCode(false));
                AssertWithinHalfStep(-6 + ClampDb(requests[i], -12700, 0), rig.LevelDb(rig.Board.CodecOutput(0), true, 20), 50);
            }

            rig.Codec.SetDacVolume(StereoGain.Both(GainScale.Muted));
            rig.Run(40);
            Assert.AreEqual(0, rig.Board.Wm8960.AppliedDacCode(true), "code 0 is the digital mute");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void DacPairWithDifferentSidesLandsTogether()
        {
            ReferenceDriverRig rig = PlayingRig(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Run(60);
            int mark = rig.LogMark;
            rig.Codec.SetDacVolume(new StereoGain(-1000, -2000));
            AssertLatchedPair(rig.CodecWritesSinceMark(mark), Wm8960Registers.LeftDacVolume, Wm8960Registers.RightDacVolume);
            Assert.AreEqual(0xFF - 20, rig.Board.Wm8960.AppliedDacCode(true));
            Assert.AreEqual(0xFF - 40, rig.Board.Wm8960.AppliedDacCode(false));
            rig.Run(40);
            AssertWithinHalfStep(-16, rig.LevelDb(rig.Board.CodecOutput(0), true, 20), 50);
            AssertWithinHalfStep(-26, rig.LevelDb(rig.Board.CodecOutput(0), false, 20), 50);
        }

        [TestMethod]
        public static void AdcVolumeLandsOnTheDatasheetCodeAndCaptureLevel()
        {
            ReferenceDriverRig rig = InputRig(-35);
            // 0.5 dB steps, 0xC3 = 0 dB, 0xFF = +30 dB, 1 = −97 dB; a tie goes to the lower gain
            int[] requests = { 0, 3000, 600, -1025, -5000, -9700, 4000 };
            int[] expectedHalfDb = { 0, 60, 12, -21, -100, -194, 60 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetAdcVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(expectedHalfDb[i] * 50, set.Right);
                int code = 0xC3 + expectedHalfDb[i];
                AssertLatchedPair(rig.CodecWritesSinceMark(mark), Wm8960Registers.LeftAdcVolume, Wm8960Registers.RightAdcVolume);
                AssertStored(rig, Wm8960Registers.LeftAdcVolume, 0xFF, code);
                rig.Run(60);
                Assert.AreEqual(code, rig.Board.Wm8960.AppliedAdcCode(true));
                Assert.AreEqual(code, rig.Board.Wm8960.AppliedAdcCode(false));
                double expected = -35 + ClampDb(requests[i], -9700, 3000);
                if (expected > -120)
                {
                    // below that the capture is a few 24-bit LSBs: the level is rounding, not gain
                    AssertWithinHalfStep(expected, rig.CaptureLevelDb(true, 960), 50);
                    AssertWithinHalfStep(expected, rig.CaptureLevelDb(false, 960), 50);
                }
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void InputGainUsesThePgaThenTheBoostAndCaptureFollows()
        {
            ReferenceDriverRig rig = InputRig(-60);
            // request → (PGA code, boost code): PGA −17.25 + 0.75·code; boost 0/13/20/29 dB only above +30 dB
            int[] requests = { 0, -1725, 1000, 2990, 3000, 3100, 4300, 4500, 5000, 5900, -3000, 8000 };
            int[] pga = { 0x17, 0, 36, 63, 63, 47, 63, 56, 63, 63, 0, 63 };
            int[] boost = { 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 0, 3 };
            int[] boostDb = { 0, 13, 20, 29 };
            for (int i = 0; i < requests.Length; i++)
            {
                StereoGain set = rig.Codec.SetInputGain(StereoGain.Both(requests[i]));
                int expectedCentiDb = -1725 + 75 * pga[i] + 100 * boostDb[boost[i]];
                Assert.AreEqual(expectedCentiDb, set.Left, "request " + requests[i].ToString());
                AssertStored(rig, Wm8960Registers.LeftInputVolume, 0xBF, pga[i]);
                AssertStored(rig, Wm8960Registers.RightInputVolume, 0xBF, pga[i]);
                AssertStored(rig, Wm8960Registers.LeftInputPath, 0x030, boost[i] << 4);
                AssertStored(rig, Wm8960Registers.RightInputPath, 0x030, boost[i] << 4);
                rig.Run(300); // a boost change is not zero-cross latched: let the ADC's high-pass settle
                Assert.AreEqual(pga[i], rig.Board.Wm8960.AppliedInputPgaCode(true) & 0xBF);
                Assert.AreEqual(pga[i], rig.Board.Wm8960.AppliedInputPgaCode(false) & 0xBF);
                double requested = -60 + requests[i] / 100.0;
                double measured = rig.CaptureLevelDb(true, 960);
                double achievable = -60 + expectedCentiDb / 100.0;
                AssertLevel(achievable, measured, 0.05);
                if (requests[i] >= -1725 && requests[i] <= 5900)
                {
                    // inside the range the steps are at most 0.75 dB apart
                    AssertLevel(requested, measured, 0.375 + 0.05);
                }
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void InputGainMuteMutesThePgaAndKeepsItsCode()
        {
            ReferenceDriverRig rig = InputRig(-20);
            rig.Codec.SetInputGain(StereoGain.Both(600));
            rig.Run(60);
            StereoGain set = rig.Codec.SetInputGain(new StereoGain(GainScale.Muted, 600));
            Assert.AreEqual(GainScale.Muted, set.Left);
            rig.Run(60);
            Assert.AreEqual(0x80 | 0x1F, rig.Board.Wm8960.AppliedInputPgaCode(true) & 0xBF, "muted, +6 dB kept");
            Assert.IsTrue(rig.CaptureLevelDb(true, 960) < -100);
            AssertLevel(-14, rig.CaptureLevelDb(false, 960), 0.05);
        }

        [TestMethod]
        public static void MonitorGainLandsOnTheBypassCodeAndLevel()
        {
            ReferenceDriverRig rig = Wm8960PowerTests.MonitorRig(-20);
            rig.StartRecording();
            rig.PowerUp();
            // 3 dB steps from 0 (code 0) to −21 dB (code 7)
            int[] requests = { 0, -300, -1000, -1050, -2100, -3000, 300 };
            int[] expectedDb = { 0, -3, -9, -12, -21, -21, 0 };
            for (int i = 0; i < requests.Length; i++)
            {
                MonitorGains set = rig.Codec.SetMonitor(MonitorGains.Straight(requests[i]));
                Assert.AreEqual(expectedDb[i] * 100, set.LeftToLeft);
                Assert.AreEqual(expectedDb[i] * 100, set.RightToRight);
                Assert.AreEqual(GainScale.Muted, set.LeftToRight, "no cross-feed on the WM8960");
                Assert.AreEqual(GainScale.Muted, set.RightToLeft);
                AssertStored(rig, Wm8960Registers.LeftBypass, 0x0F0, 0x080 | ((-expectedDb[i] / 3) << 4));
                AssertStored(rig, Wm8960Registers.RightBypass, 0x0F0, 0x080 | ((-expectedDb[i] / 3) << 4));
                rig.Run(40);
                AssertWithinHalfStep(-20 + ClampDb(requests[i], -2100, 0), rig.LevelDb(rig.Board.CodecOutput(0), true, 20), 300);
                AssertWithinHalfStep(-20 + ClampDb(requests[i], -2100, 0), rig.LevelDb(rig.Board.CodecOutput(0), false, 20), 300);
            }

            rig.Codec.SetMonitor(MonitorGains.Off());
            Assert.AreEqual(0, rig.Board.Wm8960.Register(Wm8960Registers.LeftBypass) & 0x080);
            rig.Run(100);
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 40) < -120);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void CrossFeedRequestsComeBackMuted()
        {
            var rig = new ReferenceDriverRig();
            MonitorGains request = MonitorGains.Off();
            request.LeftToRight = 0;
            request.RightToLeft = 0;
            MonitorGains set = rig.Codec.SetMonitor(request);
            Assert.AreEqual(GainScale.Muted, set.LeftToRight);
            Assert.AreEqual(GainScale.Muted, set.RightToLeft);
            Assert.AreEqual(GainScale.Muted, set.LeftToLeft);
            Assert.IsFalse(rig.Codec.Capabilities.MonitorCrossFeed);
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>On, un-muted, a sine of <paramref name="dbfs"/> playing, headphones at 0 dB, recording.</summary>
        private static ReferenceDriverRig PlayingRig(double dbfs)
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(dbfs);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            return rig;
        }

        /// <summary>On, a sine of <paramref name="dbfs"/> on both inputs, input gain and ADC at 0 dB.</summary>
        private static ReferenceDriverRig InputRig(double dbfs)
        {
            var rig = new ReferenceDriverRig();
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, dbfs));
            rig.Board.SetInput("input-2", SineSource.AtDbfs(1000, dbfs));
            rig.Codec.SetInputGain(StereoGain.Both(0));
            rig.PowerUp();
            rig.Run(100);
            return rig;
        }

        /// <summary>Every write to the right register carries the latch; a left write without it is followed by the right one.</summary>
        private static void AssertLatchedPair(int[] writes, int left, int right)
        {
            for (int i = 0; i < writes.Length; i++)
            {
                int register = writes[i] / 0x1000;
                if (register == right)
                {
                    Assert.AreEqual(Vu, writes[i] & Vu, "a right-channel write sets the update latch");
                }
                else if (register == left && (writes[i] & Vu) == 0)
                {
                    Assert.IsTrue(i + 1 < writes.Length && writes[i + 1] / 0x1000 == right, "a latched left value is released by the right write");
                }
            }
        }

        private static void AssertStored(ReferenceDriverRig rig, int register, int mask, int expected)
        {
            Assert.AreEqual(expected, rig.Board.Wm8960.Register(register) & mask, "register 0x" + register.ToString("X2"));
            int strobe = ReferenceDriverRig.Vu(register);
            Assert.AreEqual(rig.Board.Wm8960.Register(register) & ~strobe, rig.Codec.CachedRegister(register) & ~strobe, "the cache holds what the chip holds");
        }

    }
}
