using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class Wm8960ModelTests
    {
        private const int R0 = Wm8960Model.RegLeftInputVolume;
        private const int R2 = Wm8960Model.RegLeftOut1Volume;
        private const int R3 = Wm8960Model.RegRightOut1Volume;

        [TestMethod]
        public static void ResetValuesAreTheDatasheets()
        {
            var codec = new Wm8960Model();
            int[] expected =
            {
                0x097, 0x097, 0x000, 0x000, 0x000, 0x008, 0x000, 0x00A, 0x1C0, 0x000, 0x0FF, 0x0FF, 0, 0, 0, 0,
                0x000, 0x07B, 0x100, 0x032, 0x000, 0x0C3, 0x0C3, 0x1C0, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0, 0,
                0x100, 0x100, 0x050, 0, 0, 0x050, 0x000, 0x000, 0x000, 0x000, 0x040, 0x000, 0x000, 0x050, 0x050, 0x000,
                0x002, 0x037, 0, 0x080, 0x008, 0x031, 0x026, 0x0E9,
            };
            for (int i = 0; i < Wm8960Model.RegisterCount; i++)
            {
                Assert.AreEqual(expected[i], codec.Register(i), "R" + i.ToString());
            }

            Assert.IsTrue(codec.DacSoftMuted, "the DAC comes out of reset soft-muted");
            Assert.AreEqual(0x97, codec.AppliedInputPgaCode(true));
        }

        [TestMethod]
        public static void ReadsAreNotAcknowledged()
        {
            var rig = new Wm8960Rig();
            var buffer = new byte[1];
            var pointer = new byte[] { 0x0A };

            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)rig.Bus.Read(0x1A, buffer, 0, 1));
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)rig.Bus.WriteRead(0x1A, pointer, 0, 1, buffer, 0, 1));
            Assert.AreEqual(2, rig.Codec.ProtocolErrors.Count);
        }

        [TestMethod]
        public static void OnlyTwoByteFramesWrite()
        {
            var rig = new Wm8960Rig();
            var three = new byte[] { (byte)(Wm8960Model.RegLeftDacVolume << 1), 0x80, 0x12 };
            var one = new byte[] { (byte)(Wm8960Model.RegRightDacVolume << 1) };

            Assert.AreEqual((int)I2cStatus.DataNotAcknowledged, (int)rig.Bus.Write(0x1A, three, 0, 3));
            Assert.AreEqual(0x080, rig.Codec.Register(Wm8960Model.RegLeftDacVolume), "the first word is taken");
            Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Bus.Write(0x1A, one, 0, 1));
            Assert.AreEqual(0x0FF, rig.Codec.Register(Wm8960Model.RegRightDacVolume), "an incomplete frame changes nothing");
            Assert.AreEqual(2, rig.Codec.ProtocolErrors.Count);
        }

        [TestMethod]
        public static void NineBitDataCarriesBit8InTheFirstByte()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegClocking2, 0x1A5);
            Assert.AreEqual(0x1A5, rig.Codec.Register(Wm8960Model.RegClocking2));
        }

        [TestMethod]
        public static void WritingR15ResetsEveryRegister()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegAudioInterface1, 0x002);
            rig.Write(Wm8960Model.RegPowerManagement1, 0x0C0);
            rig.Write(Wm8960Model.RegReset, 0x000);

            Assert.AreEqual(0x00A, rig.Codec.Register(Wm8960Model.RegAudioInterface1));
            Assert.AreEqual(0x000, rig.Codec.Register(Wm8960Model.RegPowerManagement1));
        }

        [TestMethod]
        public static void BrownOutRestoresResetValues()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegAdcDacControl1, 0x000);
            rig.Codec.BrownOut();
            Assert.AreEqual(0x008, rig.Codec.Register(Wm8960Model.RegAdcDacControl1));
        }

        [TestMethod]
        public static void VolumeWrittenWithoutVuWaitsInTheLatch()
        {
            var rig = new Wm8960Rig();
            rig.Write(R2, 0x060);
            Assert.AreEqual(0x060, rig.Codec.Register(R2), "stored");
            Assert.AreEqual(0x000, rig.Codec.AppliedHeadphoneCode(true), "not applied without VU");

            rig.Write(R3, 0x100 | 0x070);
            Assert.AreEqual(0x060, rig.Codec.AppliedHeadphoneCode(true), "VU on the right register updates the left too");
            Assert.AreEqual(0x070, rig.Codec.AppliedHeadphoneCode(false));
        }

        [TestMethod]
        public static void EveryVolumePairLatches()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegLeftDacVolume, 0x0C0);
            rig.Write(Wm8960Model.RegLeftAdcVolume, 0x0A0);
            rig.Write(Wm8960Model.RegLeftSpeakerVolume, 0x070);
            rig.Write(R0, 0x01F);
            Assert.AreEqual(0xFF, rig.Codec.AppliedDacCode(true));
            Assert.AreEqual(0xC3, rig.Codec.AppliedAdcCode(true));
            Assert.AreEqual(0x00, rig.Codec.AppliedSpeakerCode(true));
            Assert.AreEqual(0x97, rig.Codec.AppliedInputPgaCode(true));

            rig.Write(Wm8960Model.RegRightDacVolume, 0x1FF);
            rig.Write(Wm8960Model.RegRightAdcVolume, 0x1C3);
            rig.Write(Wm8960Model.RegRightSpeakerVolume, 0x100);
            rig.Write(Wm8960Model.RegRightInputVolume, 0x197);
            Assert.AreEqual(0xC0, rig.Codec.AppliedDacCode(true));
            Assert.AreEqual(0xA0, rig.Codec.AppliedAdcCode(true));
            Assert.AreEqual(0x70, rig.Codec.AppliedSpeakerCode(true));
            Assert.AreEqual(0x1F, rig.Codec.AppliedInputPgaCode(true), "un-muted at +6 dB");
        }

        [TestMethod]
        public static void RewritingTheSameValueCountsAsRedundant()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegAudioInterface1, 0x002);
            rig.Write(Wm8960Model.RegAudioInterface1, 0x002);
            Assert.AreEqual(1, rig.Codec.RedundantWrites);

            rig.Write(R2, 0x060);
            rig.Write(R3, 0x160);
            rig.Write(R3, 0x160);
            Assert.AreEqual(2, rig.Codec.RedundantWrites, "the second VU write changed nothing either");
        }

        [TestMethod]
        public static void ZeroCrossUpdateLandsAtTheNextZeroCrossing()
        {
            var rig = new Wm8960Rig();
            rig.PlaybackLeft = SineSource.AtDbfs(1000, -6);
            rig.PlaybackRight = SineSource.AtDbfs(1000, -6);
            rig.PowerUpPlayback();

            rig.Write(R2, 0x080 | 0x070);
            rig.Write(R3, 0x180 | 0x070);
            Assert.IsTrue(rig.Codec.HeadphonePending(true), "pending until the signal crosses zero");
            Assert.AreEqual(0x079, rig.Codec.AppliedHeadphoneCode(true));

            rig.RenderMs(1);
            Assert.IsFalse(rig.Codec.HeadphonePending(true), "a 1 kHz sine crosses zero within 0.5 ms");
            Assert.AreEqual(0x070, rig.Codec.AppliedHeadphoneCode(true));
        }

        [TestMethod]
        public static void ZeroCrossOnSilenceWithoutTimeoutNeverUpdates()
        {
            var rig = new Wm8960Rig();
            rig.PowerUpPlayback();
            rig.Write(R2, 0x080 | 0x060);
            rig.Write(R3, 0x180 | 0x060);

            rig.RenderMs(2000);

            Assert.IsTrue(rig.Codec.HeadphonePending(true), "TOEN=0 and no zero crossing: the change waits");
            Assert.AreEqual(0x079, rig.Codec.AppliedHeadphoneCode(true));
        }

        [TestMethod]
        public static void ZeroCrossOnSilenceWithTimeoutUpdatesAfterOneToTwoPeriods()
        {
            var rig = new Wm8960Rig();
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegAdditionalControl1, 0x1C1); // TOEN, TOCLKSEL=0: SYSCLK/2^21 = 170.7 ms
            Assert.AreEqual(170666L, rig.Codec.TimeoutPeriodUs);
            long writtenUs = rig.Clock.NowUs;
            rig.Write(R2, 0x080 | 0x060);
            rig.Write(R3, 0x180 | 0x060);

            long landedUs = -1;
            for (int ms = 0; ms < 400 && landedUs < 0; ms++)
            {
                rig.RenderMs(1);
                if (!rig.Codec.HeadphonePending(true))
                {
                    landedUs = rig.Clock.NowUs;
                }
            }

            long delay = landedUs - writtenUs;
            Assert.IsTrue(delay >= 170000 && delay <= 342000, "landed after " + delay.ToString() + " µs");
            Assert.AreEqual(0x060, rig.Codec.AppliedHeadphoneCode(false));
        }

        [TestMethod]
        public static void DacSoftMuteRampsAtTheDacmrRate()
        {
            var rig = new Wm8960Rig();
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegAdcDacControl2, 0x00C); // DACSMM: ramp up on un-mute; DACMR: slow (fs/32)

            rig.Write(Wm8960Model.RegAdcDacControl1, 0x008);
            rig.RenderMs(100);
            Assert.IsTrue(rig.Codec.DacRampStep(true) > 0, "still ramping down after 100 ms");
            rig.RenderMs(80);
            Assert.AreEqual(0, rig.Codec.DacRampStep(true), "muted after 255 steps × 32 samples = 170 ms");

            rig.Write(Wm8960Model.RegAdcDacControl1, 0x000);
            rig.RenderMs(100);
            Assert.IsTrue(rig.Codec.DacRampStep(true) < 255, "ramping back up");
            rig.RenderMs(80);
            Assert.AreEqual(255, rig.Codec.DacRampStep(true));
        }

        [TestMethod]
        public static void UnmuteWithoutDacsmmJumps()
        {
            var rig = new Wm8960Rig();
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegAdcDacControl1, 0x008);
            rig.RenderMs(20);
            Assert.AreEqual(0, rig.Codec.DacRampStep(true), "fast ramp: 255 × 2 samples = 10.6 ms");

            rig.Write(Wm8960Model.RegAdcDacControl1, 0x000);
            rig.RenderMs(1);
            Assert.AreEqual(255, rig.Codec.DacRampStep(true));
        }

        [TestMethod]
        public static void VmidSettlesWithTheSelectedResistors()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegPowerManagement1, 0x080); // 2×50 kΩ: τ 120 ms, 1 % after 553 ms
            rig.RenderMs(450);
            Assert.IsFalse(rig.Codec.VmidSettled);
            rig.RenderMs(150);
            Assert.IsTrue(rig.Codec.VmidSettled);

            var fast = new Wm8960Rig();
            fast.Write(Wm8960Model.RegPowerManagement1, 0x180); // 2×5 kΩ: τ 12 ms
            fast.RenderMs(60);
            Assert.IsTrue(fast.Codec.VmidSettled);
        }

        [TestMethod]
        public static void ClocksFromA256FsMclk()
        {
            var rig = new Wm8960Rig();
            Assert.IsNull(rig.Codec.ClockProblem);
            Assert.IsTrue(Math.Abs(rig.Codec.DacSampleRate - 48000) < 0.01);

            rig.Codec.Clocks.Set(11289600, 44100);
            rig.Codec.OnClocksChanged(rig.Clock.NowUs);
            Assert.IsNull(rig.Codec.ClockProblem);
            Assert.IsTrue(Math.Abs(rig.Codec.DacSampleRate - 44100) < 0.01);

            rig.Codec.Clocks.Set(12288000, 44100);
            rig.Codec.OnClocksChanged(rig.Clock.NowUs);
            Assert.IsNotNull(rig.Codec.ClockProblem, "LRCLK 44.1 kHz against SYSCLK for 48 kHz");
        }

        [DataRow(0x3126E9, 8, 48000)]
        [DataRow(0x86C227, 7, 44100)]
        public static void ClocksThroughThePllFrom12MHz(int k, int n, int rate)
        {
            var rig = new Wm8960Rig();
            rig.Codec.Clocks.Set(12000000, rate);
            rig.Codec.OnClocksChanged(0);
            rig.Write(Wm8960Model.RegPll1, 0x020 | n);
            rig.Write(Wm8960Model.RegPll2, (k >> 16) & 0xFF);
            rig.Write(Wm8960Model.RegPll3, (k >> 8) & 0xFF);
            rig.Write(Wm8960Model.RegPll4, k & 0xFF);
            rig.Write(Wm8960Model.RegPowerManagement2, 0x001);
            rig.Write(Wm8960Model.RegClocking1, 0x005); // CLKSEL=PLL, SYSCLKDIV=2
            Assert.AreEqual("PLL not locked yet", rig.Codec.ClockProblem);

            rig.RenderMs(20);
            Assert.IsNull(rig.Codec.ClockProblem);
            Assert.IsTrue(Math.Abs(rig.Codec.DacSampleRate - rate) < rate * 0.0001, rig.Codec.DacSampleRate.ToString());
        }

        [TestMethod]
        public static void PllNOutsideSixToTwelveIsRejected()
        {
            var rig = new Wm8960Rig();
            rig.Write(Wm8960Model.RegPll1, 0x024);
            rig.Write(Wm8960Model.RegPowerManagement2, 0x001);
            rig.Write(Wm8960Model.RegClocking1, 0x005);
            rig.RenderMs(20);
            Assert.AreEqual("PLL N=4 outside 6…12", rig.Codec.ClockProblem);
        }

        [TestMethod]
        public static void NoMclkNoAudio()
        {
            var rig = new Wm8960Rig();
            rig.PlaybackLeft = SineSource.AtDbfs(1000, -6);
            rig.PowerUpPlayback();
            rig.Codec.Clocks.Set(0, 0);
            rig.Codec.OnClocksChanged(rig.Clock.NowUs);
            Assert.AreEqual("no MCLK", rig.Codec.ClockProblem);
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 100) < -80);
        }

        [TestMethod]
        public static void PlaybackLevelFollowsDacAndHeadphoneVolume()
        {
            var rig = new Wm8960Rig();
            rig.PlaybackLeft = SineSource.AtDbfs(1000, -6);
            rig.PlaybackRight = SineSource.AtDbfs(1000, -6);
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegLeftDacVolume, 0x0EB);        // −10 dB
            rig.Write(Wm8960Model.RegRightDacVolume, 0x1EB);
            rig.Write(R2, 0x076);                                   // −3 dB
            rig.Write(R3, 0x176);
            rig.RenderMs(5);

            Assert.IsTrue(Math.Abs(rig.HeadphoneLevelDb(true, 200) - (-19.0)) < 0.05);
            Assert.IsTrue(Math.Abs(rig.HeadphoneLevelDb(false, 200) - (-19.0)) < 0.05);
        }

        [TestMethod]
        public static void PowerBitsGateThePlaybackPath()
        {
            var rig = new Wm8960Rig();
            rig.PlaybackLeft = SineSource.AtDbfs(1000, -6);
            rig.PowerUpPlayback();
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 50) > -7);

            rig.Write(Wm8960Model.RegPowerManagement2, 0x0E0); // DACL off
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 50) < -80, "no DAC, no signal");

            rig.Write(Wm8960Model.RegPowerManagement2, 0x1E0);
            rig.Write(Wm8960Model.RegPowerManagement3, 0x004); // LOMIX off
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 50) < -80, "no output mixer, no signal");

            rig.Write(Wm8960Model.RegPowerManagement3, 0x00C);
            rig.Write(Wm8960Model.RegPowerManagement2, 0x1A0); // LOUT1 off
            rig.RenderMs(1);
            Assert.IsTrue(rig.Codec.HeadphonePin(true).ResistanceOhms > 100, "a disabled output is not driven");
        }

        [TestMethod]
        public static void InputPgaBoostAndAdcSetTheCaptureLevel()
        {
            var rig = new Wm8960Rig();
            rig.Inputs[0] = SineSource.AtDbfs(1000, -20);           // LINPUT1
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegPowerManagement1, 0x0E8);       // + AINL, ADCL
            rig.Write(Wm8960Model.RegPowerManagement3, 0x02C);       // + LMIC
            rig.Write(Wm8960Model.RegAdcLeftSignalPath, 0x118);      // LMN1, +13 dB boost, PGA → boost
            rig.Write(R0, 0x100 | 0x01F);                            // PGA +6 dB, un-muted
            rig.Write(Wm8960Model.RegLeftAdcVolume, 0x1B9);          // ADC −5 dB
            rig.Write(Wm8960Model.RegAdcDacControl1, 0x001);             // ADC high-pass off: exact level
            rig.RenderMs(10);

            Assert.IsTrue(Math.Abs(rig.CaptureLevelDb(true, 200) - (-20 + 6 + 13 - 5)) < 0.05);
        }

        [TestMethod]
        public static void AnalogueBypassReachesOnlyItsOwnSide()
        {
            var rig = new Wm8960Rig();
            rig.Inputs[0] = SineSource.AtDbfs(1000, -20);            // LINPUT1 only
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegPowerManagement1, 0x0F0);        // + AINL, AINR
            rig.Write(Wm8960Model.RegPowerManagement3, 0x03C);        // + LMIC, RMIC
            rig.Write(Wm8960Model.RegAdcLeftSignalPath, 0x108);       // LMN1, 0 dB boost, PGA → boost
            rig.Write(Wm8960Model.RegAdcRightSignalPath, 0x108);
            rig.Write(R0, 0x100 | 0x017);                             // 0 dB
            rig.Write(Wm8960Model.RegRightInputVolume, 0x117);
            rig.Write(Wm8960Model.RegLeftBypass, 0x0A0);              // LB2LO at −6 dB
            rig.Write(Wm8960Model.RegRightBypass, 0x0A0);
            rig.Write(Wm8960Model.RegLeftOutMix, 0x000);              // DAC off the mixer
            rig.Write(Wm8960Model.RegRightOutMix, 0x000);
            rig.RenderMs(5);

            Assert.IsTrue(Math.Abs(rig.HeadphoneLevelDb(true, 200) - (-26.0)) < 0.05);
            Assert.IsTrue(rig.HeadphoneLevelDb(false, 200) < -80, "the WM8960 has no cross-feed");
        }
    
        [TestMethod]
        public static void TheFusedPathRendersWhatTheMultiPassPathRenders()
        {
            var fused = EquivalenceRun(true);
            var plain = EquivalenceRun(false);
            double worst = 0;
            for (int i = 0; i < fused.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(fused[i] - plain[i]));
            }

            Assert.IsTrue(worst < 1e-12, "largest difference " + worst.ToString());
        }

        // Every stage live, with a zero-crossed volume change and a DAC soft-mute ramp on the way,
        // so both paths take turns.
        private static double[] EquivalenceRun(bool fusedPath)
        {
            var rig = new Wm8960Rig();
            rig.Codec.FusedPathEnabled = fusedPath;
            rig.Inputs[0] = SineSource.AtDbfs(440, -20);
            rig.Inputs[2] = SineSource.AtDbfs(300, -30);
            rig.PlaybackLeft = SineSource.AtDbfs(1000, -6);
            rig.PlaybackRight = SineSource.AtDbfs(1000, -6);
            rig.PowerUpPlayback();
            rig.Write(Wm8960Model.RegPowerManagement1, 0x0FC);
            rig.Write(Wm8960Model.RegPowerManagement3, 0x03C);
            rig.Write(Wm8960Model.RegAdcLeftSignalPath, 0x128);
            rig.Write(R0, 0x100 | 0x01A);
            rig.Write(Wm8960Model.RegLeftInputBoostMixer, 0x050);
            rig.Write(Wm8960Model.RegLeftBypass, 0x0B0);
            rig.Write(Wm8960Model.RegLeftOutMix, 0x1A0);
            rig.Write(Wm8960Model.RegLeftAdcVolume, 0x1B0);
            rig.Write(Wm8960Model.RegAdcDacControl2, 0x00C);

            var pin = new double[4800 * 6];
            var capture = new double[4800 * 6];
            var all = new double[4800 * 12];
            rig.RenderCollect(100, true, pin, capture);
            rig.Write(R2, 0x080 | 0x070);
            rig.Write(R3, 0x180 | 0x070);
            var pin2 = new double[4800];
            var capture2 = new double[4800];
            rig.RenderCollect(100, true, pin2, capture2);
            Array.Copy(pin2, 0, pin, 4800, 4800);
            Array.Copy(capture2, 0, capture, 4800, 4800);
            rig.Write(Wm8960Model.RegAdcDacControl1, 0x008);
            rig.RenderCollect(100, true, pin2, capture2);
            Array.Copy(pin2, 0, pin, 9600, 4800);
            Array.Copy(capture2, 0, capture, 9600, 4800);
            rig.Write(Wm8960Model.RegAdcDacControl1, 0x000);
            rig.RenderCollect(100, true, pin2, capture2);
            Array.Copy(pin2, 0, pin, 14400, 4800);
            Array.Copy(capture2, 0, capture, 14400, 4800);
            rig.RenderCollect(100, true, pin2, capture2);
            Array.Copy(pin2, 0, pin, 19200, 4800);
            Array.Copy(capture2, 0, capture, 19200, 4800);
            Array.Copy(pin, 0, all, 0, pin.Length);
            Array.Copy(capture, 0, all, pin.Length, capture.Length);
            return all;
        }
    }
}
