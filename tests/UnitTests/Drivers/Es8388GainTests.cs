using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// Every ES8388 gain stage: each dB request lands on the register code of the model's gain law
    /// (on the bus and in the model's registers), the two channels of a pair change together (one
    /// write through DACLeR/ADCLeR, or writes in a row in one call), and the level at the Audio
    /// Kit's jack or in the ADC capture agrees with the request within half a step. Expected codes
    /// are worked out here from the laws (OUT1 (code − 0x1E) × 1.5 dB; digital volume −0.5 dB per
    /// code; mic PGA 3 dB per code; mixer 6 − 3 × field dB), not from the driver's tables.
    /// </summary>
    [TestClass]
    public class Es8388GainTests
    {
        [TestMethod]
        public static void HeadphoneVolumeLandsOnTheModelCodeAndLevel()
        {
            AudioKitDriverRig rig = PlayingRig(-10);
            // request (0.01 dB) → expected steps of 1.5 dB from 0x1E; −45…+4.5 dB; a tie goes to the lower gain
            int[] requests = { 0, 450, -150, -1040, -1050, -75, -4460, -4500, -9000, 1200 };
            int[] steps = { 0, 3, -1, -7, -7, -1, -30, -30, -30, 3 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetHeadphoneVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(steps[i] * 150, set.Left);
                Assert.AreEqual(steps[i] * 150, set.Right);
                int code = 0x1E + steps[i];
                int[] writes = rig.CodecWritesSinceMark(mark);
                if (writes.Length > 0)
                {
                    Assert.AreEqual(2, writes.Length, "both sides, one after the other");
                    Assert.AreEqual(Es8388Registers.LeftOut1Volume * 0x1000 + code, writes[0]);
                    Assert.AreEqual(Es8388Registers.RightOut1Volume * 0x1000 + code, writes[1]);
                }

                AssertStored(rig, Es8388Registers.LeftOut1Volume, 0x3F, code);
                AssertStored(rig, Es8388Registers.RightOut1Volume, 0x3F, code);
                rig.Run(60); // the jack's coupling capacitor settles after a large step (τ 7 ms)
                AssertWithinHalfStep(-10 + ClampDb(requests[i], -4500, 450), rig.LevelDb(true, 20), 150);
                AssertWithinHalfStep(-10 + ClampDb(requests[i], -4500, 450), rig.LevelDb(false, 20), 150);
                AssertLevel(-10 + 1.5 * steps[i], rig.LevelDb(true, 20), 0.02);
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AHeadphoneStepCostsAtMostTwoWrites()
        {
            AudioKitDriverRig rig = PlayingRig(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-2100));

            int mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1950));
            Assert.AreEqual(2, rig.CodecWritesSince(mark), "both channels: two registers in a row");

            mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1800, -1950));
            Assert.AreEqual(1, rig.CodecWritesSince(mark), "one channel: that register");

            mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1800, -1950));
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1820, -1900)); // the same steps
            Assert.AreEqual(0, rig.CodecWritesSince(mark), "no change, no write");
            rig.Run(20);
            AssertLevel(-28, rig.LevelDb(true, 10), 0.02);
            AssertLevel(-29.5, rig.LevelDb(false, 10), 0.02);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AHeadphoneMuteRequestLandsOnTheLowestLevel()
        {
            // OUT1 has no mute code in the model (0x00 is −45 dB): the request lands there, and says so.
            AudioKitDriverRig rig = PlayingRig(-10);
            StereoGain set = rig.Codec.SetHeadphoneVolume(StereoGain.Both(GainScale.Muted));
            Assert.AreEqual(-4500, set.Left);
            Assert.AreEqual(-4500, set.Right);
            Assert.AreEqual(-1, rig.Codec.Capabilities.HeadphoneVolume.MuteCode);
            rig.Run(60);
            Assert.AreEqual(0, rig.Board.Es8388.Register(Es8388Registers.LeftOut1Volume));
            AssertLevel(-55, rig.LevelDb(true, 20), 0.02);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void DacVolumeLandsOnTheCodeAndLevelInOneWrite()
        {
            AudioKitDriverRig rig = PlayingRig(-6);
            // 0.5 dB of attenuation per code from 0x00 = 0 dB to 0xC0 = −96 dB; a tie goes to the lower gain
            int[] requests = { 0, -50, -1000, -3330, -3325, -6000, 500, -13000, -9600 };
            int[] halfDb = { 0, -1, -20, -67, -67, -120, 0, -192, -192 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetDacVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(halfDb[i] * 50, set.Left);
                Assert.AreEqual(halfDb[i] * 50, set.Right);
                int code = -halfDb[i];
                int[] writes = rig.CodecWritesSinceMark(mark);
                Assert.IsTrue(writes.Length <= 1, "the left register sets both sides (DACLeR)");
                if (writes.Length == 1)
                {
                    Assert.AreEqual(Es8388Registers.LeftDacVolume * 0x1000 + code, writes[0]);
                }

                AssertStored(rig, Es8388Registers.LeftDacVolume, 0xFF, code);
                AssertStored(rig, Es8388Registers.DacControl3, Es8388Registers.LeftSetsBoth | Es8388Registers.Mute, Es8388Registers.LeftSetsBoth);
                rig.Run(200); // the chip ramps 0.5 dB per 32 LRCK: 192 codes in 128 ms
                Assert.AreEqual(code, rig.Board.Es8388.DacRampLevel(true));
                Assert.AreEqual(code, rig.Board.Es8388.DacRampLevel(false));
                double expected = -6 + ClampDb(requests[i], -9600, 0);
                AssertWithinHalfStep(expected, rig.LevelDb(true, 20), 50);
                AssertWithinHalfStep(expected, rig.LevelDb(false, 20), 50);
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void BothDacChannelsMoveTogether()
        {
            AudioKitDriverRig rig = PlayingRig(-6);
            rig.Codec.SetDacVolume(StereoGain.Both(-2000));
            rig.Run(10);
            Assert.AreEqual(rig.Board.Es8388.DacRampLevel(true), rig.Board.Es8388.DacRampLevel(false), "one register, one ramp for both sides");
            rig.Run(200);

            // different sides: right register first (ignored while DACLeR holds), DACLeR cleared, left last, in one call
            int mark = rig.LogMark;
            rig.Codec.SetDacVolume(new StereoGain(-1000, -3000));
            int[] writes = rig.CodecWritesSinceMark(mark);
            Assert.AreEqual(3, writes.Length);
            Assert.AreEqual(Es8388Registers.RightDacVolume * 0x1000 + 60, writes[0]);
            Assert.AreEqual(Es8388Registers.DacControl3, writes[1] / 0x1000);
            Assert.AreEqual(0, writes[1] & Es8388Registers.LeftSetsBoth);
            Assert.AreEqual(Es8388Registers.LeftDacVolume * 0x1000 + 20, writes[2]);
            rig.Run(200);
            Assert.AreEqual(20, rig.Board.Es8388.DacRampLevel(true));
            Assert.AreEqual(60, rig.Board.Es8388.DacRampLevel(false));
            AssertLevel(-16, rig.LevelDb(true, 20), 0.02);
            AssertLevel(-36, rig.LevelDb(false, 20), 0.02);

            // a step of the right side alone: one write
            mark = rig.LogMark;
            rig.Codec.SetDacVolume(new StereoGain(-1000, -2950));
            Assert.AreEqual(1, rig.CodecWritesSince(mark));

            // equal again: left register, then DACLeR back on
            mark = rig.LogMark;
            rig.Codec.SetDacVolume(StereoGain.Both(-500));
            writes = rig.CodecWritesSinceMark(mark);
            Assert.AreEqual(2, writes.Length);
            Assert.AreEqual(Es8388Registers.LeftDacVolume * 0x1000 + 10, writes[0]);
            Assert.AreEqual(Es8388Registers.LeftSetsBoth, writes[1] & Es8388Registers.LeftSetsBoth);
            rig.Run(200);
            AssertLevel(-11, rig.LevelDb(true, 20), 0.02);
            AssertLevel(-11, rig.LevelDb(false, 20), 0.02);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void DacVolumeMuteUsesTheMuteBitAndRamps()
        {
            AudioKitDriverRig rig = PlayingRig(-6);
            rig.Codec.SetDacVolume(StereoGain.Both(-600));
            int mark = rig.LogMark;
            StereoGain set = rig.Codec.SetDacVolume(StereoGain.Both(GainScale.Muted));
            Assert.AreEqual(GainScale.Muted, set.Left);
            Assert.AreEqual(1, rig.CodecWritesSince(mark), "only the mute bit");
            AssertStored(rig, Es8388Registers.DacControl3, Es8388Registers.Mute, Es8388Registers.Mute);
            AssertStored(rig, Es8388Registers.LeftDacVolume, 0xFF, 12);
            rig.Run(20);
            Assert.IsTrue(rig.Board.Es8388.DacRampLevel(true) > 12 && rig.Board.Es8388.DacRampLevel(true) < Es8388Model.RampSilentLevel, "ramping down");
            rig.Run(200);
            Assert.AreEqual(Es8388Model.RampSilentLevel, rig.Board.Es8388.DacRampLevel(true));
            Assert.IsTrue(rig.LevelDb(true, 20) < -120);

            rig.Codec.SetMuted(false, rig.Now);
            Assert.AreEqual(Es8388Registers.Mute, rig.Board.Es8388.Register(Es8388Registers.DacControl3) & Es8388Registers.Mute, "the volume keeps it muted");

            set = rig.Codec.SetDacVolume(StereoGain.Both(-600));
            Assert.AreEqual(-600, set.Left);
            AssertStored(rig, Es8388Registers.DacControl3, Es8388Registers.Mute, 0);
            rig.Run(200);
            AssertLevel(-12, rig.LevelDb(true, 20), 0.02);

            // one side muted alone goes to −96 dB (the mute bit covers both sides)
            set = rig.Codec.SetDacVolume(new StereoGain(GainScale.Muted, -600));
            Assert.AreEqual(-9600, set.Left);
            Assert.AreEqual(-600, set.Right);
            rig.Run(200);
            Assert.AreEqual(0xC0, rig.Board.Es8388.DacRampLevel(true));
            AssertLevel(-12, rig.LevelDb(false, 20), 0.02);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AdcVolumeLandsOnTheCodeAndCaptureLevel()
        {
            AudioKitDriverRig rig = InputRig(-20);
            int[] requests = { 0, -600, -1025, -5000, -9600, 1000, -20000 };
            int[] halfDb = { 0, -12, -21, -100, -192, 0, -192 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetAdcVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(halfDb[i] * 50, set.Left);
                Assert.AreEqual(halfDb[i] * 50, set.Right);
                int code = -halfDb[i];
                Assert.IsTrue(rig.CodecWritesSince(mark) <= 1, "the left register sets both sides (ADCLeR)");
                AssertStored(rig, Es8388Registers.LeftAdcVolume, 0xFF, code);
                AssertStored(rig, Es8388Registers.AdcControl7, Es8388Registers.LeftSetsBoth | Es8388Registers.Mute, Es8388Registers.LeftSetsBoth);
                rig.Run(60); // the ADC ramps 0.5 dB per 4 LRCK
                Assert.AreEqual(code, rig.Board.Es8388.AdcRampLevel(true));
                Assert.AreEqual(code, rig.Board.Es8388.AdcRampLevel(false));
                double expected = -20 + ClampDb(requests[i], -9600, 0);
                AssertWithinHalfStep(expected, rig.CaptureLevelDb(true, 960), 50);
                AssertWithinHalfStep(expected, rig.CaptureLevelDb(false, 960), 50);
            }

            // different sides: written in a row in one call; mute: ADCMUTE, the volumes kept
            int writeMark = rig.LogMark;
            rig.Codec.SetAdcVolume(new StereoGain(-300, -900));
            Assert.AreEqual(3, rig.CodecWritesSince(writeMark));
            rig.Run(60);
            AssertLevel(-23, rig.CaptureLevelDb(true, 960), 0.05);
            AssertLevel(-29, rig.CaptureLevelDb(false, 960), 0.05);
            StereoGain muted = rig.Codec.SetAdcVolume(StereoGain.Both(GainScale.Muted));
            Assert.AreEqual(GainScale.Muted, muted.Left);
            rig.Run(60);
            Assert.AreEqual(Es8388Model.RampSilentLevel, rig.Board.Es8388.AdcRampLevel(true));
            Assert.AreEqual(6, rig.Board.Es8388.Register(Es8388Registers.LeftAdcVolume), "the volume is kept under the mute");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void MicPgaLandsOnTheCodeAndCaptureLevelInOneWrite()
        {
            AudioKitDriverRig rig = InputRig(-40);
            // 3 dB per code, 0…8 = 0…+24 dB; a tie goes to the lower gain
            int[] requests = { 0, 300, 1000, 1050, 2400, 3000, -500, 1200 };
            int[] expectedDb = { 0, 3, 9, 9, 24, 24, 0, 12 };
            for (int i = 0; i < requests.Length; i++)
            {
                int mark = rig.LogMark;
                StereoGain set = rig.Codec.SetInputGain(StereoGain.Both(requests[i]));
                Assert.AreEqual(expectedDb[i] * 100, set.Left);
                Assert.AreEqual(expectedDb[i] * 100, set.Right);
                int code = expectedDb[i] / 3;
                Assert.IsTrue(rig.CodecWritesSince(mark) <= 1, "both sides share ADCCONTROL1");
                AssertStored(rig, Es8388Registers.AdcControl1, 0xFF, (code << 4) | code);
                rig.Run(60);
                double expected = -40 + ClampDb(requests[i], 0, 2400);
                AssertWithinHalfStep(expected, rig.CaptureLevelDb(true, 960), 300);
                AssertWithinHalfStep(expected, rig.CaptureLevelDb(false, 960), 300);
                AssertLevel(-40 + expectedDb[i], rig.CaptureLevelDb(true, 960), 0.05);
            }

            int pairMark = rig.LogMark;
            StereoGain pair = rig.Codec.SetInputGain(new StereoGain(600, 1800));
            Assert.AreEqual(600, pair.Left);
            Assert.AreEqual(1800, pair.Right);
            Assert.AreEqual(1, rig.CodecWritesSince(pairMark));
            AssertStored(rig, Es8388Registers.AdcControl1, 0xFF, 0x26);
            rig.Run(60);
            AssertLevel(-34, rig.CaptureLevelDb(true, 960), 0.05);
            AssertLevel(-22, rig.CaptureLevelDb(false, 960), 0.05);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void EachMonitorPathLandsOnItsMixerCodeAndLevel()
        {
            // The four bypass paths; a tone on one line input at a time, so each ear hears one path.
            int[] registers = { Es8388Registers.DacControl17, Es8388Registers.DacControl18, Es8388Registers.DacControl19, Es8388Registers.DacControl20 };
            bool[] fromLeft = { true, false, true, false };
            bool[] toLeft = { true, true, false, false };
            bool[] ownDac = { true, false, false, true };
            // 3 dB steps from +6 dB (field 0) to −15 dB (field 7); a tie goes to the lower gain
            int[] requests = { 600, 0, -300, -1000, -1050, -1500, -3000, 900 };
            int[] expectedDb = { 6, 0, -3, -9, -12, -15, -15, 6 };
            for (int path = 0; path < 4; path++)
            {
                var rig = new AudioKitDriverRig();
                rig.SetInput(fromLeft[path] ? "line-left" : "line-right", AudioKitDriverRig.Sine(-20, 0.7));
                rig.Codec.SelectInputs(InputSource.Input2, InputSource.Input2);
                rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
                rig.Codec.SetMuted(false, rig.Now);
                rig.StartRecording();
                rig.PowerUp();
                for (int i = 0; i < requests.Length; i++)
                {
                    MonitorGains request = MonitorGains.Off();
                    SetPath(ref request, path, requests[i]);
                    MonitorGains set = rig.Codec.SetMonitor(request);
                    for (int other = 0; other < 4; other++)
                    {
                        Assert.AreEqual(other == path ? expectedDb[i] * 100 : GainScale.Muted, PathOf(set, other));
                    }

                    int field = (6 - expectedDb[i]) / 3;
                    int expectedRegister = (ownDac[path] ? Es8388Registers.DacToMixer : 0) | Es8388Registers.BypassToMixer | (field << 3);
                    AssertStored(rig, registers[path], 0xF8, expectedRegister);
                    rig.Run(20);
                    double expected = -20 + ClampDb(requests[i], -1500, 600);
                    AssertWithinHalfStep(expected, rig.LevelDb(toLeft[path], 10), 300);
                    AssertLevel(-20 + expectedDb[i], rig.LevelDb(toLeft[path], 10), 0.02);
                    Assert.IsTrue(rig.LevelDb(!toLeft[path], 10) < -100, "path " + path.ToString() + ": the other ear hears nothing: " + rig.LevelDb(!toLeft[path], 10).ToString("F1"));
                }

                MonitorGains off = rig.Codec.SetMonitor(MonitorGains.Off());
                Assert.AreEqual(GainScale.Muted, PathOf(off, path));
                Assert.AreEqual(0, rig.Board.Es8388.Register(registers[path]) & Es8388Registers.BypassToMixer, "off clears the path's switch");
                rig.Run(60);
                Assert.IsTrue(rig.LevelDb(toLeft[path], 20) < -100);
                Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
            }
        }

        [TestMethod]
        public static void AMonoInputReachesBothEarsThroughTheCrossFeed()
        {
            var rig = new AudioKitDriverRig();
            Assert.IsTrue(rig.Codec.Capabilities.MonitorCrossFeed);
            rig.SetInput("line-left", AudioKitDriverRig.Sine(-20, 0.7));
            rig.Codec.SelectInputs(InputSource.Input2, InputSource.Input2);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-300));
            MonitorGains request = MonitorGains.Off();
            request.LeftToLeft = -300;
            request.LeftToRight = -300;
            rig.Codec.SetMonitor(request);
            rig.Codec.SetMuted(false, rig.Now);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(20);
            AssertLevel(-26, rig.LevelDb(true, 20), 0.02);
            AssertLevel(-26, rig.LevelDb(false, 20), 0.02);
            Assert.AreEqual(0x09, rig.Board.Es8388.Register(Es8388Registers.DacControl16), "LIN2 and RIN2 to the mixers");
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void TheMonitorSourceFollowsTheInputSelection()
        {
            var rig = new AudioKitDriverRig();
            rig.SetInput("mic-left", AudioKitDriverRig.Sine(-30, 0.7));
            rig.SetInput("line-left", AudioKitDriverRig.Sine(-20, 0.7));
            rig.Codec.SetInputGain(StereoGain.Both(600));
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.StartRecording();
            rig.PowerUp();

            // IN1 (the mics): straight from the pins, before the PGA
            Assert.AreEqual(0x00, rig.Board.Es8388.Register(Es8388Registers.DacControl16));
            rig.Run(20);
            AssertLevel(-30, rig.LevelDb(true, 20), 0.02);

            // IN2 (line in): straight from the pins
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SelectInputs(InputSource.Input2, InputSource.Input2));
            Assert.AreEqual(0x50, rig.Board.Es8388.Register(Es8388Registers.AdcControl2) & 0xF0);
            Assert.AreEqual(0x09, rig.Board.Es8388.Register(Es8388Registers.DacControl16));
            rig.Run(20);
            AssertLevel(-20, rig.LevelDb(true, 20), 0.02);
            AssertLevel(-14, rig.CaptureLevelDb(true, 960), 0.05);

            // differential (LIN1 − RIN1, mic-right silent): monitored from the PGA's output, so its +6 dB applies
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SelectInputs(InputSource.Differential, InputSource.Differential));
            Assert.AreEqual(0xF0, rig.Board.Es8388.Register(Es8388Registers.AdcControl2) & 0xF0);
            Assert.AreEqual(0x1B, rig.Board.Es8388.Register(Es8388Registers.DacControl16));
            rig.Run(20);
            AssertLevel(-24, rig.LevelDb(true, 20), 0.02);
            AssertLevel(-24, rig.CaptureLevelDb(true, 960), 0.05);

            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.SelectInputs(InputSource.Input3, InputSource.Input1));
            Assert.AreEqual(0, rig.Board.Es8388.UnmodelledFeatures.Count, "nothing the model cannot render");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>On, un-muted, a sine of <paramref name="dbfs"/> playing, OUT1 at 0 dB, recording.</summary>
        private static AudioKitDriverRig PlayingRig(double dbfs)
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(dbfs);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            return rig;
        }

        /// <summary>On, a sine of <paramref name="dbfs"/> on both microphones (IN1), PGA and ADC at 0 dB.</summary>
        private static AudioKitDriverRig InputRig(double dbfs)
        {
            var rig = new AudioKitDriverRig();
            rig.SetInput("mic-left", AudioKitDriverRig.Sine(dbfs, 0.7));
            rig.SetInput("mic-right", AudioKitDriverRig.Sine(dbfs, 0.7));
            rig.PowerUp();
            rig.Run(300); // the ADC's DC-blocking filter settles
            return rig;
        }

        private static void SetPath(ref MonitorGains gains, int path, int centiDb)
        {
            switch (path)
            {
                case 0: gains.LeftToLeft = centiDb; break;
                case 1: gains.RightToLeft = centiDb; break;
                case 2: gains.LeftToRight = centiDb; break;
                default: gains.RightToRight = centiDb; break;
            }
        }

        private static int PathOf(MonitorGains gains, int path)
        {
            switch (path)
            {
                case 0: return gains.LeftToLeft;
                case 1: return gains.RightToLeft;
                case 2: return gains.LeftToRight;
                default: return gains.RightToRight;
            }
        }

        private static void AssertStored(AudioKitDriverRig rig, int register, int mask, int expected)
        {
            Assert.AreEqual(expected, rig.Board.Es8388.Register(register) & mask, "register 0x" + register.ToString("X2"));
            Assert.AreEqual(rig.Board.Es8388.Register(register), rig.Codec.CachedRegister(register), "the cache holds what the chip holds");
        }

    }
}
