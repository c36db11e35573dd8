using System;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>The reference board's audio graph and its pop detectors, driven at register level.</summary>
    [TestClass]
    public class BoardAudioTests
    {
        [TestMethod]
        public static void ARightPowerUpAndDownMakesNoPop()
        {
            var rig = new ReferenceBoardRig();
            rig.PlaySine(-10);
            rig.BiasUp();
            rig.PlaybackPathUp();
            rig.AmplifierUp(0x30);
            rig.WriteCodec(Wm8960Model.RegAdcDacControl1, 0x000); // soft un-mute: the sine ramps in
            rig.Board.RunMs(500);

            rig.WriteCodec(Wm8960Model.RegAdcDacControl1, 0x008); // soft mute first
            rig.Board.RunMs(200);
            rig.WriteAmp(Tpa6130a2Model.RegVolume, 0xC0);
            rig.WriteAmp(Tpa6130a2Model.RegControl, 0x01);
            rig.Board.AmplifierShutdown.Write(false);
            rig.WriteCodec(Wm8960Model.RegPowerManagement2, 0x000);
            rig.WriteCodec(Wm8960Model.RegAntiPop1, 0x09C);
            rig.WriteCodec(Wm8960Model.RegPowerManagement1, 0x100); // VREF off, VMID kept at 2×250 kΩ
            rig.Board.RunMs(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void CuttingVmidUnderTiedOutputsThumps()
        {
            // Linux's OFF (APOP1 = 0x09C, POWER1 = 0): the drivers are off, but the outputs are
            // still tied to VMID through 500 Ω while it collapses, and the 220 µF capacitors
            // discharge through the headphones.
            var rig = new ReferenceBoardRig();
            rig.BiasUp();
            rig.PlaybackPathUp();
            rig.Board.RunMs(100);
            rig.WriteCodec(Wm8960Model.RegPowerManagement2, 0x000);
            rig.WriteCodec(Wm8960Model.RegAntiPop1, 0x09C);
            rig.Board.RunMs(100);
            long cut = rig.Board.Clock.NowUs;
            rig.WriteCodec(Wm8960Model.RegPowerManagement1, 0x000);
            rig.Board.RunMs(1000);

            Assert.IsTrue(rig.Pops("second", cut, PopKind.Thump) > 0, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void OutputsEnabledBeforeTheBiasSettledThump()
        {
            var rig = new ReferenceBoardRig();
            long start = rig.Board.Clock.NowUs;
            rig.WriteCodec(Wm8960Model.RegPowerManagement2, 0x060);  // headphone drivers on, no tie-off
            rig.WriteCodec(Wm8960Model.RegPowerManagement1, 0x1C0);  // VMID 2×5 kΩ fast start with VREF
            rig.Board.RunMs(300);

            Assert.IsTrue(rig.Pops("second", start, PopKind.Thump) > 0, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void BiasCutUnderLiveOutputsThumps()
        {
            var rig = new ReferenceBoardRig();
            rig.BiasUp();
            rig.PlaybackPathUp();
            rig.Board.RunMs(100);
            long cut = rig.Board.Clock.NowUs;
            rig.WriteCodec(Wm8960Model.RegPowerManagement1, 0x000);
            rig.Board.RunMs(300);

            Assert.IsTrue(rig.Pops("second", cut, PopKind.Thump) > 0, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void AmplifierUnmutedOnALiveSignalClicks()
        {
            var rig = new ReferenceBoardRig();
            rig.PlaySine(-6);
            rig.BiasUp();
            rig.PlaybackPathUp();
            rig.WriteCodec(Wm8960Model.RegAdcDacControl1, 0x000);
            rig.Board.RunMs(400);
            long unmute = rig.Board.Clock.NowUs;
            rig.AmplifierUp(0x30); // last, but the sine is already there: its start is heard as a click

            rig.Board.RunMs(100);
            Assert.IsTrue(rig.Pops("main", unmute, PopKind.Click) > 0, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void AnInstantGainJumpOnASineClicks()
        {
            var rig = new ReferenceBoardRig();
            rig.PlayThroughBothJacks(-20);
            long jump = rig.Board.Clock.NowUs + 250; // mid-cycle
            rig.Board.Clock.AdvanceUs(250);
            rig.WriteCodec(Wm8960Model.RegLeftOut1Volume, 0x000 | 0x079 + 12);  // +12 dB without zero-cross
            rig.WriteCodec(Wm8960Model.RegRightOut1Volume, 0x100 | 0x079 + 12);
            rig.Board.RunMs(100);

            Assert.IsTrue(rig.Pops("main", jump, PopKind.Click) > 0, rig.Board.DescribePops());
            Assert.IsTrue(rig.Pops("second", jump, PopKind.Click) > 0, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void ZeroCrossedOneDecibelStepsDoNotClick()
        {
            var rig = new ReferenceBoardRig();
            rig.PlayThroughBothJacks(-10);
            long start = rig.Board.Clock.NowUs;
            for (int step = 1; step <= 6; step++)
            {
                rig.WriteCodec(Wm8960Model.RegLeftOut1Volume, 0x080 | (0x079 - step));
                rig.WriteCodec(Wm8960Model.RegRightOut1Volume, 0x180 | (0x079 - step));
                rig.Board.RunMs(20);
            }

            Assert.AreEqual(0, rig.Pops("", start), rig.Board.DescribePops());
        }

        [TestMethod]
        public static void AClockChangeUnderLiveOutputsIsAGlitch()
        {
            var rig = new ReferenceBoardRig();
            rig.PlayThroughBothJacks(-10);
            long change = rig.Board.Clock.NowUs;
            rig.Board.Usb.SetSampleRate(44100); // the computer switches rate; nobody muted first
            rig.Board.RunMs(20);

            Assert.IsTrue(rig.Pops("main", change, PopKind.Glitch) > 0, rig.Board.DescribePops());
            Assert.IsNull(rig.Codec.ClockProblem, "the bridge's 256·fs MCLK keeps the codec consistent at the new rate");
            Assert.IsTrue(Math.Abs(rig.Codec.DacSampleRate - 44100) < 0.01);
        }

        [TestMethod]
        public static void PlaybackReachesBothJacksAtThePredictedLevel()
        {
            var rig = new ReferenceBoardRig();
            rig.PlaySine(-10);
            rig.BiasUp();
            rig.PlaybackPathUp();
            rig.AmplifierUp(0x30);                        // TPA −2.1 dB
            rig.WriteCodec(Wm8960Model.RegLeftOut1Volume, 0x075);  // codec headphone −4 dB
            rig.WriteCodec(Wm8960Model.RegRightOut1Volume, 0x175);
            rig.WriteCodec(Wm8960Model.RegAdcDacControl1, 0x000);
            rig.Board.RunMs(400);
            rig.Board.MainJack.Record(true);
            rig.Board.SecondJack.Record(true);
            rig.Board.RunMs(1000);

            SignalRecorder main = rig.Board.MainJack.Recorder(true);
            SignalRecorder second = rig.Board.SecondJack.Recorder(false);
            long from = main.FirstSample;
            long to = from + 48000;
            // −10 dBFS through −4 dB (codec) and −2.1 dB (TPA): the input/output capacitors take < 0.01 dB at 1 kHz
            Assert.IsTrue(Math.Abs(main.SineLevelDb(from, to) - (-16.1)) < 0.05, main.SineLevelDb(from, to).ToString());
            Assert.IsTrue(Math.Abs(second.SineLevelDb(from, to) - (-14.0)) < 0.05, second.SineLevelDb(from, to).ToString());
            Assert.IsTrue(Math.Abs(main.Mean(from, to)) < 0.001, "no DC reaches the headphones");
        }

        [TestMethod]
        public static void AnInputReachesTheHeadphonesThroughTheAnalogueBypass()
        {
            var rig = new ReferenceBoardRig();
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            rig.BiasUp();
            rig.WriteCodec(Wm8960Model.RegPowerManagement1, 0x0E0);       // + AINL
            rig.WriteCodec(Wm8960Model.RegPowerManagement3, 0x02C);       // LMIC, LOMIX, ROMIX
            rig.WriteCodec(Wm8960Model.RegAdcLeftSignalPath, 0x068);      // LMP2 (input-1 is on LINPUT2), +20 dB boost, PGA → boost
            rig.WriteCodec(Wm8960Model.RegLeftInputVolume, 0x117);         // PGA 0 dB
            rig.WriteCodec(Wm8960Model.RegLeftBypass, 0x0A0);             // LB2LO −6 dB
            rig.WriteCodec(Wm8960Model.RegLeftOut1Volume, 0x079);
            rig.WriteCodec(Wm8960Model.RegRightOut1Volume, 0x179);
            rig.WriteCodec(Wm8960Model.RegPowerManagement2, 0x060);       // drivers only
            rig.AmplifierUp(0x35);                                   // TPA +0.1 dB
            rig.Board.RunMs(300);
            rig.Board.MainJack.Record(true);
            rig.Board.RunMs(500);

            SignalRecorder left = rig.Board.MainJack.Recorder(true);
            SignalRecorder right = rig.Board.MainJack.Recorder(false);
            long from = left.FirstSample;
            Assert.IsTrue(Math.Abs(left.SineLevelDb(from, from + 24000) - (-20 + 20 - 6 + 0.1)) < 0.05, left.SineLevelDb(from, from + 24000).ToString());
            Assert.IsTrue(right.SineLevelDb(from, from + 24000) < -80, "no cross-feed on the WM8960");
        }
    }
}
