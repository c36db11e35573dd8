using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// What the other boards show for rates, modes and faults, on the portable board (two
    /// SGTL5000s, readable, one per jack, and the TPA6130A2): same level after, never louder,
    /// no pop, no redundant write, and each jack's EQ back in place after its codec was repaired.
    /// </summary>
    [TestClass]
    public class PortableBoardTests
    {
        [TestMethod]
        [DataRow(44100)]
        [DataRow(32000)]
        public static void ARateChangeIsMutedAndBothJacksComeBackAtTheirLevels(int rate)
        {
            DeviceRig rig = Rig(EqPresets.Warm);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            double beforeMain = rig.ToneDb(0, true, 50);
            double beforeSecond = rig.ToneDb(1, true, 50);
            long since = rig.NowUs;
            rig.Board.Usb.SetSampleRate(rate);
            rig.Run(rig.Board.Usb.ClockNoticeMs + 50);
            rig.RunUntil(5000, true);
            rig.Run(200);
            double afterMain = rig.ToneDb(0, true, 50);
            double afterSecond = rig.ToneDb(1, true, 50);
            OutputHelper.WriteLine("48000 → " + rate.ToString() + " Hz: main " + beforeMain.ToString("F2") + " → " + afterMain.ToString("F2") + ", second "
                + beforeSecond.ToString("F2") + " → " + afterSecond.ToString("F2") + " dBFS (1 kHz through the warm preset)");
            Assert.AreEqual(rate, rig.Device.SampleRate);
            Assert.IsNull(rig.Board.Codecs[0].ClockProblem);
            Assert.IsNull(rig.Board.Codecs[1].ClockProblem);
            // The warm preset redesigned for the rate. The emulator renders at 48 kHz only, so the
            // chip's filters for the new rate act on the 1 kHz tone as the design does at
            // 1 kHz · rate / 48 kHz (EqEmulatorTests.At441KTheLoadedCoefficientsFollowTheDesign):
            // the level changes by what the designs say there, nothing more.
            double designed = ResponseDb(EqPresets.Warm, rate, 1000.0 * rate / 48000) - ResponseDb(EqPresets.Warm, 48000, 1000);
            OutputHelper.WriteLine("the designs differ by " + designed.ToString("F3") + " dB at 1 kHz");
            Assert.IsTrue(System.Math.Abs(afterMain - beforeMain - designed) <= 0.05, "main level after");
            Assert.IsTrue(System.Math.Abs(afterSecond - beforeSecond - designed) <= 0.05, "second level after");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void TheComputerLeavingAndComingBackKeepsTheLevelsAndMakesNoPop()
        {
            DeviceRig rig = Rig(EqPresets.Flat);
            rig.Board.SetInput("line-left", SineSource.AtDbfs(1000, -20));
            rig.Board.SetInput("line-right", SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(200);
            double before = rig.ToneDb(0, true, 50);
            long since = rig.NowUs;
            rig.Board.Usb.HostLeaves(); // a power bank takes over without an interruption (as the command line's "power bank")
            rig.Board.ConnectPowerBank();
            rig.Run(3000);
            rig.RunUntil(5000, true);
            rig.Run(200);
            Assert.AreEqual((int)DeviceMode.Standalone, (int)rig.Device.Mode);
            double standalone = rig.ToneDb(0, true, 50);
            rig.Board.ConnectComputer();
            rig.Run(600);
            rig.RunUntil(5000, true);
            rig.Run(200);
            Assert.AreEqual((int)DeviceMode.Usb, (int)rig.Device.Mode);
            double back = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine("the monitor of the line input on the main jack: " + before.ToString("F2") + " (USB), " + standalone.ToString("F2") + " (standalone), " + back.ToString("F2") + " dBFS (USB again)");
            Assert.IsTrue(System.Math.Abs(standalone - before) <= 0.1 && System.Math.Abs(back - before) <= 0.1, "the user's level in every mode");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void ABrownOutOfTheSecondCodecIsFoundAndRepairedNeverLouderWithItsEq()
        {
            DeviceRig rig = Rig(EqPresets.SpeechClarity);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double before = rig.ToneDb(1, true, 50);
            rig.Board.Codecs[1].BrownOut();
            // The supply dip itself stops the outputs at once (a click the firmware cannot prevent,
            // -31 dBFS here); from 50 ms on, what is heard is the firmware's doing.
            rig.Run(50);
            long since = rig.NowUs;
            double loudest = rig.RunAndFindLoudest(1, 3000);

            rig.RunUntil(10000, true);
            rig.Run(200);
            double after = rig.ToneDb(1, true, 50);
            OutputHelper.WriteLine("second jack: " + before.ToString("F2") + " before, loudest " + loudest.ToString("F2") + " while repaired, " + after.ToString("F2") + " dBFS after");
            Assert.IsTrue(rig.LogText().IndexOf("lost its registers") >= 0, "not noticed: " + rig.LogText());
            Assert.IsTrue(loudest <= before + 0.1, "never louder while recovering");
            Assert.IsTrue(System.Math.Abs(after - before) <= 0.1, "back at its level, through its EQ");
            Assert.AreEqual(EqPresets.SpeechClarity, rig.Device.Eq(1).LoadedPreset);
            var model = (Sgtl5000Model)rig.Board.Codecs[1];
            Assert.AreEqual(4, model.Register(Sgtl5000Model.RegDapPeq) & 0x7, "the four biquads loaded again");
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void ACodecThatNacksForASecondIsRecoveredAndTheOtherJackPlaysOn()
        {
            DeviceRig rig = Rig(EqPresets.Flat);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double beforeMain = rig.ToneDb(0, true, 50);
            double beforeSecond = rig.ToneDb(1, true, 50);
            var plan = rig.Board.Bus.FaultsAt(0x0A);
            plan.NackFromUs = rig.NowUs;
            plan.NackUntilUs = rig.NowUs + 1000000;
            rig.Device.Apply(UserAction.VolumeDown, rig.Board.Clock.NowMs);
            long since = rig.NowUs;
            rig.Run(300);
            Assert.IsTrue(rig.Device.State.Fault, "the failed writes are noticed");
            double secondDuring = rig.ToneDb(1, true, 50);
            double loudest = rig.RunAndFindLoudest(0, 3000);

            rig.RunUntil(10000, true);
            rig.Run(200);
            double afterMain = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine("main: " + beforeMain.ToString("F2") + " before, loudest " + loudest.ToString("F2") + ", " + afterMain.ToString("F2") + " after; second " + secondDuring.ToString("F2") + " during");
            Assert.IsFalse(rig.Device.State.Fault);
            Assert.AreEqual(0, rig.Device.Exceptions);
            Assert.IsTrue(System.Math.Abs(secondDuring - beforeSecond) <= 0.1, "the second jack plays on");
            Assert.IsTrue(loudest <= beforeMain + 0.1, "never louder while recovering");
            Assert.IsTrue(System.Math.Abs(afterMain - (beforeMain - 0.5)) <= 0.1, "at the level the step down asked");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        private static double ResponseDb(int preset, int rate, double hz)
        {
            var p = new EqPreset();
            EqPresets.Load(preset, p);
            var plan = new EqPlan();
            plan.Compute(p, rate);
            return plan.ResponseDb(hz);
        }

        private static DeviceRig Rig(int preset)
        {
            var settings = new Settings(2);
            settings.BootCapCentiDb = 0;
            for (int j = 0; j < 2; j++)
            {
                settings.Jacks[j].LevelCentiDb = -1200;
                settings.Jacks[j].EqPreset = preset;
            }

            return new DeviceRig("portable", settings);
        }
    }
}
